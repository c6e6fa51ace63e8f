using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Containers.Commands.Services;
using Containers.Engine.Credentials;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Parsing;
using Containers.Tests.Engine;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Services
{
    /// <summary>
    /// The registry login that goes with a service (X-Registry-Auth on create and update). No registry is reachable from
    /// the swarm's node in these tests, so a node's pull with it cannot be watched; what the module sends is read off a
    /// scripted engine answering with the shapes dockerd 20.10 gives (the real engine's acceptance of the header is
    /// <see cref="ServiceLogAndTaskCommandTests"/>' concern).
    /// </summary>
    public sealed class ServiceRegistryAuthTests
    {
        private const string Service =
            "{\"ID\":\"svc1\",\"Version\":{\"Index\":11},\"CreatedAt\":\"2026-12-07T04:00:00.000000001Z\",\"UpdatedAt\":\"2026-12-07T04:00:00.000000001Z\","
            + "\"Spec\":{\"Name\":\"web\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"reg.example:5000/app:1\"},\"ForceUpdate\":0},\"Mode\":{\"Replicated\":{\"Replicas\":1}}},"
            + "\"ServiceStatus\":{\"RunningTasks\":0,\"DesiredTasks\":1}}";

        [Fact]
        public async Task The_login_given_goes_with_create_and_update_and_an_update_without_one_keeps_the_services()
        {
            var requests = new ConcurrentQueue<string>();
            using var server = new FakeEngineServer(async connection =>
            {
                while (await connection.ReadRequestAsync() is string request)
                {
                    requests.Enqueue(request);
                    string target = request.Split("\r\n")[0];
                    string body = target.StartsWith("POST /v1.41/services/create", StringComparison.Ordinal) ? "{\"ID\":\"svc1\"}"
                        : target.StartsWith("POST", StringComparison.Ordinal) ? "{\"Warnings\":null}"
                        : target.StartsWith("GET /v1.41/services?", StringComparison.Ordinal) ? "[" + Service + "]"
                        : target.StartsWith("GET /v1.41/tasks?", StringComparison.Ordinal) ? "[]"
                        : Service;
                    await connection.WriteAsync(FakeConnection.Ok(body));
                }
            });
            ContainerEngine engine = EngineDirectory.Get(server.Endpoint, null, new Version(1, 41), "fake", "parameter");
            var login = new RegistryCredential("deploy", "s3cret");

            NewContainerServiceCommand create = NewContainerServiceCommand.FromOptions(new ServiceOptions { Image = "reg.example:5000/app:1", Name = "web" });
            create.Image = new ServiceImage { Resolution = ServiceImageResolution.Never, Credential = login };
            create.NoWait = true;
            var output = new RecordingOutput();
            await create.ExecuteAsync(engine, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal("web", Assert.Single(output.ObjectsOf<ContainerService>()).Name);
            Assert.Equal(("deploy", "s3cret", "reg.example:5000"), Login(requests.Single(r => r.StartsWith("POST /v1.41/services/create", StringComparison.Ordinal))));

            var updated = new RecordingOutput();
            await new SetContainerServiceCommand { NewImage = "reg.example:5000/app:2", Image = new ServiceImage { Resolution = ServiceImageResolution.Never, Credential = login }, NoWait = true }
                .ExecuteAsync(engine, new[] { "web" }, updated, default);
            Assert.Empty(updated.Errors);
            string update = requests.Last(r => r.StartsWith("POST /v1.41/services/svc1/update", StringComparison.Ordinal));
            Assert.StartsWith("POST /v1.41/services/svc1/update?version=11 ", update, StringComparison.Ordinal);
            Assert.Equal(("deploy", "s3cret", "reg.example:5000"), Login(update));

            var scaled = new RecordingOutput();
            await new SetContainerServiceCommand { Replicas = 3, NoWait = true }.ExecuteAsync(engine, new[] { "web" }, scaled, default);
            Assert.Empty(scaled.Errors);
            string scale = requests.Last(r => r.StartsWith("POST /v1.41/services/svc1/update", StringComparison.Ordinal));
            Assert.StartsWith("POST /v1.41/services/svc1/update?version=11&registryAuthFrom=spec ", scale, StringComparison.Ordinal);
            Assert.DoesNotContain("X-Registry-Auth", scale, StringComparison.OrdinalIgnoreCase);
        }

        private static (string? User, string? Password, string? Server) Login(string request)
        {
            string header = request.Split("\r\n").Single(line => line.StartsWith("X-Registry-Auth: ", StringComparison.OrdinalIgnoreCase));
            string value = header.Substring("X-Registry-Auth: ".Length).Replace('-', '+').Replace('_', '/');
            using JsonDocument json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(value)));
            return (json.RootElement.GetProperty("username").GetString(), json.RootElement.GetProperty("password").GetString(), json.RootElement.GetProperty("serveraddress").GetString());
        }
    }
}
