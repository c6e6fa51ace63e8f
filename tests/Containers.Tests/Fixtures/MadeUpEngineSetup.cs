using Containers.EngineSelection;
using Containers.Tests.Engine;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// An engine environment a test makes up in a folder of its own (an empty home, its own DOCKER_CONFIG), so nothing of
    /// this machine's docker setup leaks in; a selector over it, and a PowerShell session key of its own. Disposing it
    /// forgets the session's engine and removes the folder.
    /// </summary>
    public sealed class MadeUpEngineSetup : IDisposable
    {
        public MadeUpEngineSetup(string folderPrefix)
        {
            Root = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Path.Combine(Root, "home"));
            Selector = new EngineSelector(NewEnvironment());
        }

        public string Root { get; }

        public EngineSelector Selector { get; }

        public string Session { get; } = "test-session-" + Guid.NewGuid().ToString("N");

        /// <summary>Another environment over the same home and DOCKER_CONFIG, for a test that sets variables of its own.</summary>
        public FakeEngineEnvironment NewEnvironment()
        {
            var environment = new FakeEngineEnvironment(Path.Combine(Root, "home"));
            environment["DOCKER_CONFIG"] = Path.Combine(Root, "docker-config");
            return environment;
        }

        public void Dispose()
        {
            EngineSession.ClearDefault(Session);
            Directory.Delete(Root, recursive: true);
        }
    }
}
