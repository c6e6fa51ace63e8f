using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Containers.Commands.Services;
using Containers.Commands.Stacks;
using Containers.Engine.Credentials;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Tests.Engine;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Stacks
{
    /// <summary>
    /// The registry login that goes with each service of a stack (X-Registry-Auth, as New-ContainerService sends it),
    /// read off a scripted engine: no registry is reachable from the swarm's node in these tests.
    /// </summary>
    public sealed class StackRegistryAuthTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("cts-stack-auth-").FullName;

        [Fact]
        public async Task The_login_given_goes_with_every_service_created()
        {
            var requests = new ConcurrentQueue<string>();
            using var server = new FakeEngineServer(async connection =>
            {
                while (await connection.ReadRequestAsync() is string request)
                {
                    requests.Enqueue(request);
                    string target = request.Split("\r\n")[0];
                    string body = target.StartsWith("POST /v1.41/services/create", StringComparison.Ordinal) ? "{\"ID\":\"svc1\"}"
                        : target.StartsWith("POST /v1.41/networks/create", StringComparison.Ordinal) ? "{\"Id\":\"net1\"}"
                        : target.StartsWith("GET /v1.41/swarm", StringComparison.Ordinal) ? "{\"ID\":\"swarm1\"}"
                        : "[]";
                    await connection.WriteAsync(FakeConnection.Ok(body));
                }
            });
            ContainerEngine engine = EngineDirectory.Get(server.Endpoint, null, new Version(1, 41), "fake", "parameter");
            string file = Path.Combine(_folder, "compose.yml");
            File.WriteAllText(file, "services:\n  web:\n    image: reg.example:5000/app:1\n  api:\n    image: reg.example:5000/api:1\n");

            var output = new RecordingOutput();
            await new PublishContainerStackCommand
            {
                Path = new[] { file },
                Name = "shop",
                Environment = new Dictionary<string, string>(),
                NoWait = true,
                Image = new ServiceImage { Resolution = ServiceImageResolution.Never, Credential = new RegistryCredential("deploy", "s3cret") },
            }.ExecuteAsync(engine, output, default);

            Assert.Empty(output.Errors);
            Assert.Equal("shop", Assert.Single(output.ObjectsOf<ContainerStack>()).Name);
            List<string> creates = requests.Where(r => r.StartsWith("POST /v1.41/services/create", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, creates.Count);
            Assert.All(creates, create => Assert.Equal(("deploy", "s3cret", "reg.example:5000"), Login(create)));
            Assert.DoesNotContain(requests, r => r.StartsWith("POST /v1.41/networks/create", StringComparison.Ordinal) && r.Contains("X-Registry-Auth", StringComparison.OrdinalIgnoreCase));
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static (string? User, string? Password, string? Server) Login(string request)
        {
            string header = request.Split("\r\n").Single(line => line.StartsWith("X-Registry-Auth: ", StringComparison.OrdinalIgnoreCase));
            string value = header.Substring("X-Registry-Auth: ".Length).Replace('-', '+').Replace('_', '/');
            using JsonDocument json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(value)));
            return (json.RootElement.GetProperty("username").GetString(), json.RootElement.GetProperty("password").GetString(), json.RootElement.GetProperty("serveraddress").GetString());
        }
    }
}
