using System.Text.Json;
using Containers.Commands.Interactive;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;

namespace Containers.Tests.Core.Commands.Interactive
{
    /// <summary>What the Enter-Container tests share: a console host that passes the check, and the container's exec list.</summary>
    public abstract class InteractiveEngineTest : EngineTest
    {
        protected static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

        protected static InteractiveHost Console() => new InteractiveHost { HostName = "ConsoleHost" };

        /// <summary><c>ExecIDs</c> of <c>GET /containers/{id}/json</c>: every exec instance ever made in the container.</summary>
        protected async Task<IReadOnlyList<string>> ExecIdsAsync(string container)
        {
            using EngineResponse response = await Client.SendAsync(new EngineRequest("GET", "/containers/" + Uri.EscapeDataString(container) + "/json"));
            byte[] body = await response.ReadAllBytesAsync(default);
            using JsonDocument json = JsonDocument.Parse(body);
            JsonElement ids = json.RootElement.GetProperty("ExecIDs");
            return ids.ValueKind == JsonValueKind.Null ? Array.Empty<string>() : ids.EnumerateArray().Select(e => e.GetString()!).ToList();
        }

        /// <summary>A running container made as docker run -it makes it: a terminal, input open, sh as its process.</summary>
        protected async Task<(string Id, string Name)> StartInteractiveShellAsync()
        {
            string name = PrivateEngine.UniqueName("attach");
            ContainerCreateResponse created = await Client.Containers.CreateAsync(name, new ContainerCreateRequest
            {
                Image = Image,
                Cmd = new List<string> { "sh" },
                Tty = true,
                OpenStdin = true,
                AttachStdin = true,
                AttachStdout = true,
                AttachStderr = true,
            });
            Track(created.Id);
            await Client.Containers.StartAsync(created.Id);
            return (created.Id, name);
        }

        protected static CancellationTokenSource TimeLimit() => new CancellationTokenSource(Limit);
    }
}
