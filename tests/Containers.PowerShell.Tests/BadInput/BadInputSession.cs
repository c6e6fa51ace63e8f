using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.BadInput
{
    /// <summary>
    /// The one session every bad-input row runs in (a class fixture: hundreds of rows, one runspace), with what the rows
    /// act on: "$Prefix-box" (created), "$Prefix-run" (running), "$Prefix-net", "$Prefix-vol", the tag
    /// "127.0.0.1:1/$Prefix-push:1" (for a registry nobody answers at), and $Scratch, a folder with file.txt, bad.tar
    /// (not a tar), dir/ (empty) and ctx/ (a build context).
    /// </summary>
    public sealed class BadInputSession : IAsyncLifetime
    {
        private ModuleSession? _session;

        public ModuleSession Session => _session ?? throw new InvalidOperationException("The session has not started.");

        public string Scratch { get; } = Path.Combine(Path.GetTempPath(), "cbi-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        /// <summary>The engine's own API, to see what a row made without asking the module under test.</summary>
        public HttpClient Engine { get; private set; } = null!;

        /// <summary>Where a command may write: this run's docker configuration and host store, and $Scratch.</summary>
        public IReadOnlyList<string> WatchedFolders { get; private set; } = Array.Empty<string>();

        public async Task InitializeAsync()
        {
            _session = await ModuleSession.StartAsync();
            Directory.CreateDirectory(Path.Combine(Scratch, "dir"));
            Directory.CreateDirectory(Path.Combine(Scratch, "ctx"));
            File.WriteAllText(Path.Combine(Scratch, "file.txt"), "text\n");
            File.WriteAllText(Path.Combine(Scratch, "bad.tar"), "not a tar\n");
            File.WriteAllText(Path.Combine(Scratch, "ctx", "Dockerfile"), $"FROM {Session.Engine.Image}\nRUN true\n");
            Session.Run(@"
                New-Container -Image $TestImage -Name ""$Prefix-box"" -Command sh, -c, 'exit 0' | Out-Null
                New-Container -Image $TestImage -Name ""$Prefix-run"" -Command sleep, 3600 | Start-Container
                New-ContainerNetwork -Name ""$Prefix-net"" | Out-Null
                New-ContainerVolume -Name ""$Prefix-vol"" | Out-Null
                Add-ContainerImageTag -Name $TestImage -Tag ""127.0.0.1:1/$Prefix-push:1""",
                new Dictionary<string, object?> { ["Scratch"] = Scratch }).AssertNoErrors();
            Engine = EngineInventory.ClientFor(Session.Engine.DockerHost);
            WatchedFolders = new[]
            {
                Scratch,
                Environment.GetEnvironmentVariable("DOCKER_CONFIG") ?? string.Empty,
                Environment.GetEnvironmentVariable("CONTAINERS_HOST_STORE") ?? string.Empty,
            };
        }

        /// <summary>The row's "named" text as the session sees it.</summary>
        public string Expand(string text) => text
            .Replace("$Prefix", Session.Prefix, StringComparison.Ordinal)
            .Replace("$Scratch", Scratch, StringComparison.Ordinal)
            .Replace("$TestImage", Session.Engine.Image, StringComparison.Ordinal)
            .Replace("$TestRegistry", Session.Engine.Registry, StringComparison.Ordinal);

        public Task DisposeAsync()
        {
            Engine?.Dispose();
            _session?.Dispose();
            if (Directory.Exists(Scratch))
            {
                Directory.Delete(Scratch, recursive: true);
            }

            return Task.CompletedTask;
        }
    }
}
