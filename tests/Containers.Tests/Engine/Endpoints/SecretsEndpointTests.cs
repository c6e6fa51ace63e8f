using System.Text;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>The /secrets and /configs endpoints against the shared single-node swarm, and off a swarm on the private engine.</summary>
    [RequiresEngine]
    public sealed class SecretsEndpointTests
    {
        [Fact]
        public async Task A_secret_is_created_listed_and_inspected_without_its_data_and_removed()
        {
            SwarmEngine swarm = await SwarmEngine.GetAsync();
            string name = PrivateEngine.UniqueName("sec");
            string id = await swarm.Client.Secrets.CreateAsync(new SwarmDataSpec
            {
                Name = name,
                Labels = new Dictionary<string, string> { ["containers.test"] = "secret" },
                Data = Encoding.UTF8.GetBytes("s3cr3t"),
            });
            try
            {
                Assert.Matches("^[0-9a-z]{25}$", id);
                List<SwarmSecret> listed = await swarm.Client.Secrets.ListAsync(new Filters().Add("name", name));
                SwarmSecret secret = Assert.Single(listed);
                Assert.Equal(id, secret.ID);
                Assert.Equal("secret", secret.Spec.Labels!["containers.test"]);
                Assert.Null(secret.Spec.Data);
                Assert.NotNull(secret.CreatedAt);
                Assert.True(secret.Version!.Index > 0);

                SwarmSecret inspected = await swarm.Client.Secrets.InspectAsync(name);
                Assert.Equal(id, inspected.ID);
                Assert.Null(inspected.Spec.Data);
            }
            finally
            {
                await swarm.Client.Secrets.RemoveAsync(id);
            }

            EngineNotFoundException gone = await Assert.ThrowsAsync<EngineNotFoundException>(() => swarm.Client.Secrets.InspectAsync(id));
            Assert.Equal(EngineResourceKind.Secret, gone.ResourceKind);
        }

        [Fact]
        public async Task A_config_comes_back_with_its_bytes()
        {
            SwarmEngine swarm = await SwarmEngine.GetAsync();
            string name = PrivateEngine.UniqueName("cfg");
            byte[] data = { 0, 1, 2, 255, (byte)'x' };
            string id = await swarm.Client.Configs.CreateAsync(new SwarmDataSpec { Name = name, Data = data });
            try
            {
                SwarmConfig config = await swarm.Client.Configs.InspectAsync(id);
                Assert.Equal(name, config.Spec.Name);
                Assert.Equal(data, config.Spec.Data);
                Assert.Equal(data, Assert.Single(await swarm.Client.Configs.ListAsync(new Filters().Add("id", id))).Spec.Data);
            }
            finally
            {
                await swarm.Client.Configs.RemoveAsync(id);
            }

            EngineNotFoundException gone = await Assert.ThrowsAsync<EngineNotFoundException>(() => swarm.Client.Configs.RemoveAsync(name));
            Assert.Equal(EngineResourceKind.Config, gone.ResourceKind);
        }

        [Fact]
        public async Task A_name_taken_is_a_conflict()
        {
            SwarmEngine swarm = await SwarmEngine.GetAsync();
            string name = PrivateEngine.UniqueName("sectwice");
            string id = await swarm.Client.Secrets.CreateAsync(new SwarmDataSpec { Name = name, Data = new byte[] { 1 } });
            try
            {
                EngineConflictException conflict = await Assert.ThrowsAsync<EngineConflictException>(
                    () => swarm.Client.Secrets.CreateAsync(new SwarmDataSpec { Name = name, Data = new byte[] { 2 } }));
                Assert.Contains(name, conflict.Message);
                Assert.Contains("already exists", conflict.Message);
            }
            finally
            {
                await swarm.Client.Secrets.RemoveAsync(id);
            }
        }

        [Fact]
        public async Task An_engine_outside_a_swarm_answers_503()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            EngineServerException refused = await Assert.ThrowsAsync<EngineServerException>(() => engine.Client.Secrets.ListAsync());
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("not a swarm manager", refused.Message);
        }
    }
}
