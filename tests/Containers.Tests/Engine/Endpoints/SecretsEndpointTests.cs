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
        public async Task A_service_reads_the_bytes_sent_and_removal_is_refused_while_it_uses_the_secret()
        {
            SwarmEngine swarm = await SwarmEngine.GetAsync();
            string name = PrivateEngine.UniqueName("secuse");
            string service = PrivateEngine.UniqueName("svcuse");
            byte[] data = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray(); // every byte value, binary
            string id = await swarm.Client.Secrets.CreateAsync(new SwarmDataSpec { Name = name, Data = data });
            string config = Path.Combine(swarm.Dockerd.Directory, "cli-config");
            try
            {
                DockerCli.Run(swarm.Endpoint, config, "service", "create", "--detach", "--no-resolve-image", "--name", service,
                    "--secret", name, swarm.Image, "sleep", "3600");
                string container = await SwarmTaskContainer.RunningAsync(swarm.Client, service);
                string digest = DockerCli.Run(swarm.Endpoint, config, "exec", container, "sha256sum", "/run/secrets/" + name).Split(' ')[0];
                Assert.Equal(SwarmTaskContainer.Sha256(data), digest);

                // swarmkit refuses with InvalidArgument, which dockerd 20.10 answers as 400, not 409.
                EngineBadRequestException refused = await Assert.ThrowsAsync<EngineBadRequestException>(() => swarm.Client.Secrets.RemoveAsync(name));
                Assert.EndsWith($"secret '{name}' is in use by the following service: {service}", refused.Message);
            }
            finally
            {
                DockerCli.Run(swarm.Endpoint, config, "service", "rm", service);
                await SwarmTaskContainer.RemoveWhenFreeAsync(() => swarm.Client.Secrets.RemoveAsync(id));
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
