using System.Collections;
using Containers.Commands.Images;
using Containers.Compose;
using Containers.Engine.CredentialStore;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Projects
{
    /// <summary>
    /// A service's build: section, built by Invoke-ImageBuild's own command (classic builder, .dockerignore, progress,
    /// the build's output on the Information stream) and tagged with the service's image name. The built image is not
    /// the project's output, and a failure is reported under the service's name.
    /// </summary>
    public static class ProjectBuild
    {
        /// <summary>The image a service runs: its image:, else compose v2's name for a built one, PROJECT-SERVICE.</summary>
        public static string ImageOf(string project, ComposeService service) => service.Image ?? project + "-" + service.Name;

        /// <summary>Builds; false when the build failed (the error is written, naming the service).</summary>
        public static async Task<bool> BuildAsync(ContainerEngine engine, DockerCredentialStore store, string project, ComposeService service, ICommandOutput output, CancellationToken cancellationToken)
        {
            ComposeBuild build = service.Build!;
            var args = new Hashtable();
            foreach (KeyValuePair<string, string?> arg in build.Args.Where(arg => arg.Value != null))
            {
                args[arg.Key] = arg.Value;
            }

            var labels = new Hashtable();
            foreach (KeyValuePair<string, string> label in build.Labels)
            {
                labels[label.Key] = label.Value;
            }

            var serviceOutput = new ServiceOutput(output, service.Name);
            output.WriteVerbose($"Building the image '{ImageOf(project, service)}' for the service '{service.Name}'.");
            ContainerImage? built = await new BuildImageCommand(store)
            {
                Path = build.Context,
                Dockerfile = build.Dockerfile == null ? null : Path.Combine(build.Context, build.Dockerfile),
                Tag = new[] { ImageOf(project, service) },
                BuildArg = args,
                Label = labels,
                Target = build.Target,
            }.ExecuteAsync(engine, serviceOutput, cancellationToken);
            return built != null && !serviceOutput.Failed;
        }

        // The build command's output, less its image, with its errors named by the service.
        private sealed class ServiceOutput : ICommandOutput
        {
            private readonly ICommandOutput _output;
            private readonly string _service;

            public ServiceOutput(ICommandOutput output, string service)
            {
                _output = output;
                _service = service;
            }

            public bool Failed { get; private set; }

            public void WriteObject(object value)
            {
            }

            public void WriteError(CommandError error)
            {
                Failed = true;
                _output.WriteError(ServiceErrors.Named(error, _service));
            }

            public void WriteWarning(string message) => _output.WriteWarning(message);

            public void WriteVerbose(string message) => _output.WriteVerbose(message);

            public void WriteDebug(string message) => _output.WriteDebug(message);

            public void WriteProgress(ProgressUpdate progress) => _output.WriteProgress(progress);

            public void WriteInformation(string message, params string[] tags) => _output.WriteInformation(message, tags);

            public bool ShouldProcess(string target, string action) => _output.ShouldProcess(target, action);

            public bool ShouldContinue(string query, string caption) => _output.ShouldContinue(query, caption);

            public void SetExitCode(int exitCode) => _output.SetExitCode(exitCode);
        }
    }
}
