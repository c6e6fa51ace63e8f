using Containers.Commands.Projects;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Tests.Compose;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Projects
{
    /// <summary>
    /// A base for the project command tests: a project folder and name of the test's own, whose containers, networks
    /// and volumes (found by the project label) are removed after the test whatever its outcome.
    /// </summary>
    public abstract class ProjectCommandTest : EngineTest, IDisposable
    {
        protected ProjectCommandTest()
        {
            Project = PrivateEngine.UniqueName("proj");
        }

        protected ComposeFolder Folder { get; } = new ComposeFolder();

        /// <summary>The project's name, unique to the test.</summary>
        protected string Project { get; }

        /// <summary>Two services (web depends on db, db mounts the volume data), both stopped at once by SIGKILL.</summary>
        protected string TwoServices(string webEnvironment = "one") => $@"services:
  web:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    depends_on: [db]
    environment:
      ROUND: {webEnvironment}
    labels:
      tier: front
  db:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    volumes:
      - data:/data
volumes:
  data: {{}}
";

        protected Dictionary<string, string> Variables => new Dictionary<string, string> { ["IMAGE"] = Image };

        protected async Task<ContainerProject?> UpAsync(string file, RecordingOutput? output = null, IReadOnlyList<string>? services = null)
        {
            output ??= new RecordingOutput();
            ContainerProject? project = await new StartContainerProjectCommand
            {
                Path = new[] { file },
                Name = Project,
                Environment = Variables,
                Service = services,
            }.ExecuteAsync(Engine, output, default);
            Assert.Empty(output.Errors);
            return project;
        }

        protected async Task<Dictionary<string, ContainerSummary>> ContainersAsync()
        {
            var parameters = new ContainerListParameters { All = true };
            parameters.Filters.Add("label", ContainerProjectLabels.Project + "=" + Project);
            return (await Client.Containers.ListAsync(parameters)).ToDictionary(container => container.Names![0].TrimStart('/'), StringComparer.Ordinal);
        }

        protected async Task<List<string>> NetworksAsync() =>
            (await Client.Networks.ListAsync(new Filters().Add("label", ContainerProjectLabels.Project + "=" + Project))).Select(network => network.Name).ToList();

        protected async Task<List<string>> VolumesAsync() =>
            ((await Client.Volumes.ListAsync(new Filters().Add("label", ContainerProjectLabels.Project + "=" + Project))).Volumes ?? new List<Volume>()).Select(volume => volume.Name).ToList();

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            // Whatever the test left: the command under test's own removal, checked by the tests that call it.
            new RemoveContainerProjectCommand { Volume = true }.ExecuteAsync(Engine, new[] { Project }, new RecordingOutput(), default).GetAwaiter().GetResult();
            Folder.Dispose();
        }
    }
}
