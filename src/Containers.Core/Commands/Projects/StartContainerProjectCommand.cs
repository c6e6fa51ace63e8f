using System.Collections.Concurrent;
using System.Globalization;
using Containers.Commands.Containers;
using Containers.Commands.Images;
using Containers.Compose;
using Containers.Engine.CredentialStore;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Projects
{
    /// <summary>
    /// Start-ContainerProject: docker compose up -d. The files are read and checked whole, every service's create
    /// request built and every image found or pulled before anything is made; then the project's networks and volumes
    /// are made when missing, and each service's containers created (or kept, or recreated) and started as soon as what
    /// it depends on is up, services independent of each other at the same time (<see cref="ProjectSchedule"/>), as
    /// compose does. A container whose config hash matches the file's, and whose image is the service's image as the
    /// engine has it now, is kept as it is (started if stopped); one whose hash or image differs is replaced by a new
    /// container made first under a temporary name, so a failed create leaves the old one. A failure midway is one error
    /// naming the service, and leaves no half-made container of it; what this run made for other services stays, as with
    /// compose.
    /// Returns the project (<see cref="ContainerProject"/>).
    /// </summary>
    public sealed class StartContainerProjectCommand
    {
        private const int ProgressActivityId = 20;

        /// <summary>The compose files, full paths; empty: the default file names in <see cref="WorkingDirectory"/>.</summary>
        public IReadOnlyList<string> Path { get; set; } = Array.Empty<string>();

        public string? Name { get; set; }

        /// <summary>Only these services, and what they depend on.</summary>
        public IReadOnlyList<string>? Service { get; set; }

        /// <summary>Variables for interpolation, on top of the process environment.</summary>
        public IReadOnlyDictionary<string, string>? Environment { get; set; }

        /// <summary>Where to look for the default files; the current directory when null.</summary>
        public string? WorkingDirectory { get; set; }

        /// <summary>
        /// When to pull every service's image (docker compose up --pull), over the file's pull_policy; null: each service's
        /// pull_policy, else Missing.
        /// </summary>
        public ImagePullPolicy? Pull { get; set; }

        /// <summary>How to pull; without it nothing is pulled, as with -Pull Never.</summary>
        public ImagePuller? Puller { get; set; }

        /// <summary>Seconds to wait for each dependency depends_on waits for (healthy, completed); null: as long as it takes.</summary>
        public int? Timeout { get; set; }

        /// <summary>Build every service that has a build: section, even when its image exists (docker compose up --build).</summary>
        public bool Build { get; set; }

        /// <summary>The registry logins a build sends for its base images; without it a service that needs a build is an error.</summary>
        public DockerCredentialStore? BuildStore { get; set; }

        public async Task<ContainerProject?> ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            ComposeProject project = Read();
            foreach (string warning in project.Warnings)
            {
                output.WriteWarning(warning);
            }

            List<ComposeService> services = ProjectOrder.Of(project, Service);
            List<Planned> plan = services.Select(service => Plan(project, service, Pull, output)).ToList();
            if (!output.ShouldProcess(WhatIfTarget.On(engine, $"project '{project.Name}'"), $"Start ({string.Join(", ", services.Select(service => service.Name))})"))
            {
                return null;
            }

            foreach (Planned service in plan.Where(service => service.Requests.Count > 0 && service.Service.Build != null))
            {
                if (!await BuiltAsync(engine, project, service.Service, Build || service.PullPolicy == "build", output, cancellationToken))
                {
                    return null;
                }
            }

            // Services sharing an image pull it once, as the most eager of their policies says.
            foreach (IGrouping<string, Planned> image in plan.Where(service => service.Requests.Count > 0 && service.Service.Build == null).GroupBy(service => service.Service.Image!, StringComparer.Ordinal))
            {
                Planned eager = image.OrderBy(service => Eagerness(service.PullPolicy)).First();
                if (!await Reported(output, eager.Service.Name, "Image", () => ImageAsync(engine, image.Key, ImagePolicy(eager.PullPolicy), output, cancellationToken)))
                {
                    return null;
                }
            }

            await ProjectResources.EnsureAsync(engine, project, services, output, cancellationToken);
            List<Container> existing = await ProjectContainers.ListAsync(engine, project.Name, cancellationToken);
            List<string> orphans = existing.Where(container => !project.Services.ContainsKey(ContainerProjectLabels.Of(container, ContainerProjectLabels.Service) ?? string.Empty)).Select(container => container.Name).ToList();
            if (orphans.Count > 0)
            {
                // As compose warns: they are left as they are; Remove-ContainerProject takes them with the rest.
                output.WriteWarning($"The project '{project.Name}' has containers of services its files do not declare: {string.Join(", ", orphans)}.");
            }

            // Read by dependents while other services write theirs; a service's own list is complete before any dependent reads it.
            var started = new ConcurrentDictionary<string, List<string>>(StringComparer.Ordinal);
            var recreated = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            Dictionary<string, Planned> planned = plan.ToDictionary(service => service.Service.Name, StringComparer.Ordinal);
            Dictionary<string, int> position = services.Select((service, index) => (service.Name, index)).ToDictionary(pair => pair.Name, pair => pair.index, StringComparer.Ordinal);
            // Each service's error, written in the services' order once all have ended, so two failing at once read the same every time.
            var errors = new CommandError?[services.Count];
            int upCount = 0;

            async Task<bool> ReadyAsync(ComposeService service, CancellationToken token)
            {
                // A wait for a dependency can be long (a database's healthcheck): the bar says what it waits for.
                List<string> awaited = service.DependsOn.Where(dependency => dependency.Value.Condition != "service_started" && started.ContainsKey(dependency.Key)).Select(dependency => dependency.Key).ToList();
                output.WriteProgress(new ProgressUpdate(ProgressActivityId, $"Starting project {project.Name}", $"Service {service.Name}")
                {
                    PercentComplete = Volatile.Read(ref upCount) * 100 / plan.Count,
                    CurrentOperation = awaited.Count == 0 ? null : "Waiting for " + string.Join(", ", awaited),
                });
                errors[position[service.Name]] = await ProjectDependencies.WaitAsync(engine, service, started, Timeout, output, token);
                return errors[position[service.Name]] == null;
            }

            async Task<bool> ServiceUpAsync(ComposeService service, CancellationToken token)
            {
                errors[position[service.Name]] = await Failure(service.Name, "Container", () => UpAsync(engine, project, planned[service.Name], existing, started, recreated, output, token));
                Interlocked.Increment(ref upCount);
                return errors[position[service.Name]] == null;
            }

            bool?[] outcomes;
            try
            {
                outcomes = await ProjectSchedule.RunAsync(services, ReadyAsync, ServiceUpAsync, cancellationToken);
            }
            finally
            {
                // Written even when the engine went away or Ctrl+C came meanwhile: they happened.
                foreach (CommandError? error in errors.Where(error => error != null))
                {
                    output.WriteError(error!);
                }
            }

            if (outcomes.Any(outcome => outcome != true))
            {
                output.WriteProgress(new ProgressUpdate(ProgressActivityId, $"Starting project {project.Name}", "Failed") { Completed = true });
                return null;
            }

            output.WriteProgress(new ProgressUpdate(ProgressActivityId, $"Starting project {project.Name}", "Done") { Completed = true });
            List<ContainerProject> projects = await ProjectContainers.ProjectsAsync(engine, project.Name, cancellationToken);
            ContainerProject? result = projects.FirstOrDefault();
            if (result != null)
            {
                output.WriteObject(result);
            }

            return result;
        }

        private ComposeProject Read() => ComposeReader.Read(Path, new ComposeReadOptions
        {
            ProjectName = Name,
            Environment = Environment == null ? null : Overlay(Environment),
            Services = Service,
            WorkingDirectory = Path.Count == 0 ? WorkingDirectory : null,
        });

        // The given variables on top of this process's, as -Environment promises.
        private static Dictionary<string, string> Overlay(IReadOnlyDictionary<string, string> given)
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            {
                variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
            }

            foreach (KeyValuePair<string, string> entry in given)
            {
                variables[entry.Key] = entry.Value;
            }

            return variables;
        }

        // Everything checked and built before the engine is touched: a bad value in any service makes nothing.
        private static Planned Plan(ComposeProject project, ComposeService service, ImagePullPolicy? pull, ICommandOutput output)
        {
            string file = project.ConfigFiles.Count > 0 ? project.ConfigFiles[0] : project.WorkingDirectory;
            if (service.Image == null && service.Build == null)
            {
                throw new ComposeFileException($"the service '{service.Name}' has neither image: nor build:", file, 0, 0, $"services.{service.Name}");
            }

            // -Pull wins over the file, as docker compose up --pull does.
            string pullPolicy = pull?.ToString().ToLowerInvariant() ?? service.PullPolicy ?? "missing";
            if (pullPolicy == "build" && service.Build == null)
            {
                throw new ComposeFileException($"the service '{service.Name}' has pull_policy: build and no build: section to build its image from", file, 0, 0, $"services.{service.Name}.pull_policy");
            }

            foreach (string key in ProjectContainerRequest.Unapplied(project, service))
            {
                output.WriteWarning($"The service '{service.Name}' sets {key}, which Start-ContainerProject does not apply: it is passed over.");
            }

            int replicas = service.ContainerName != null ? 1 : Math.Max(0, service.Deploy?.Replicas ?? service.Scale ?? 1);
            string hash = ProjectConfigHash.Of(service);
            try
            {
                var requests = Enumerable.Range(1, replicas).Select(number => ProjectContainerRequest.Build(project, service, number, hash)).ToList();
                return new Planned(service, hash, requests, pullPolicy);
            }
            catch (InvalidParameterException invalid)
            {
                throw new ComposeFileException($"the service '{service.Name}': {invalid.Reason}", file, 0, 0, $"services.{service.Name}");
            }
        }

        private static int Eagerness(string pullPolicy) => pullPolicy switch
        {
            "always" => 0,
            "missing" => 1,
            _ => 2,
        };

        private static ImagePullPolicy ImagePolicy(string pullPolicy) => pullPolicy switch
        {
            "always" => ImagePullPolicy.Always,
            "never" => ImagePullPolicy.Never,
            _ => ImagePullPolicy.Missing,
        };

        // Found, or pulled as the policy says; a missing image with Never stops before anything is made.
        private async Task ImageAsync(ContainerEngine engine, string image, ImagePullPolicy policy, ICommandOutput output, CancellationToken cancellationToken)
        {
            ImagePullPolicy pull = Puller == null ? ImagePullPolicy.Never : policy;
            bool pullable = !ImageReference.IsImageId(image) && ImageReference.TryParse(image, out _, out _);
            if (pull == ImagePullPolicy.Always && pullable)
            {
                await PullAsync(engine, image, output, cancellationToken);
                return;
            }

            try
            {
                await engine.Client.Images.InspectAsync(image, cancellationToken);
            }
            catch (EngineNotFoundException) when (pull == ImagePullPolicy.Missing && pullable)
            {
                output.WriteVerbose($"The engine has no image '{image}': pulling it.");
                await PullAsync(engine, image, output, cancellationToken);
            }
        }

        // A failure about one service is one error that names it; the run stops there. What the engine itself fails
        // at (unreachable) goes up as it is.
        private static async Task<bool> Reported(ICommandOutput output, string service, string resource, Func<Task> step)
        {
            CommandError? failure = await Failure(service, resource, step);
            if (failure != null)
            {
                output.WriteError(failure);
            }

            return failure == null;
        }

        // The error naming the service when the step failed at something about it; null when it went through.
        private static async Task<CommandError?> Failure(string service, string resource, Func<Task> step)
        {
            try
            {
                await step();
                return null;
            }
            catch (Exception failure) when (ErrorClassifier.IsPerTarget(failure))
            {
                return ServiceErrors.Named(ErrorClassifier.Classify(failure, service, resource), service);
            }
        }

        // A service with build: is built when -Build or its pull_policy: build says so, or its image is missing, as compose
        // does; never pulled.
        private async Task<bool> BuiltAsync(ContainerEngine engine, ComposeProject project, ComposeService service, bool always, ICommandOutput output, CancellationToken cancellationToken)
        {
            string image = ProjectBuild.ImageOf(project.Name, service);
            if (!always)
            {
                try
                {
                    await engine.Client.Images.InspectAsync(image, cancellationToken);
                    return true;
                }
                catch (EngineNotFoundException)
                {
                    output.WriteVerbose($"The engine has no image '{image}' for the service '{service.Name}': building it.");
                }
            }

            if (BuildStore == null)
            {
                output.WriteError(new CommandError("ImageBuildUnavailable", ErrorKind.InvalidOperation, $"Service '{service.Name}': its image '{image}' must be built, and this command was given no registry logins to build with.", service.Name));
                return false;
            }

            return await ProjectBuild.BuildAsync(engine, BuildStore, project.Name, service, output, cancellationToken);
        }

        private Task PullAsync(ContainerEngine engine, string image, ICommandOutput output, CancellationToken cancellationToken) =>
            Puller!.PullAsync(engine, ImageNameArgument.Parse(image, "Image"), output, cancellationToken);

        private async Task UpAsync(ContainerEngine engine, ComposeProject project, Planned service, List<Container> existing, ConcurrentDictionary<string, List<string>> started, ConcurrentDictionary<string, bool> recreated, ICommandOutput output, CancellationToken cancellationToken)
        {
            // depends_on with restart: true: a running container is restarted when that dependency was recreated in this
            // run, as compose restarts it, so it reconnects to the new one.
            string? restartFor = service.Service.DependsOn.Where(dependency => dependency.Value.Restart && recreated.ContainsKey(dependency.Key)).Select(dependency => dependency.Key).FirstOrDefault();
            var ids = started[service.Service.Name] = new List<string>();
            List<Container> mine = existing.Where(container => ContainerProjectLabels.Of(container, ContainerProjectLabels.Service) == service.Service.Name).ToList();

            // A container of an older image (pulled or built anew since) is recreated too, as compose v2 does.
            string? imageId = mine.Count == 0 || service.Requests.Count == 0 ? null : (await engine.Client.Images.InspectAsync(service.Requests[0].Image!, cancellationToken)).Id;
            for (int number = 1; number <= service.Requests.Count; number++)
            {
                string name = service.Service.ContainerName ?? ProjectNaming.ContainerName(project.Name, service.Service.Name, number);
                Container? current = mine.FirstOrDefault(container => Number(container) == number);
                if (current == null)
                {
                    output.WriteVerbose($"Creating the container '{name}'.");
                    string id = await CreateAsync(engine, project, service, number, name, output, cancellationToken);
                    await OrDiscardedAsync(engine, id, output, () => engine.Client.Containers.StartAsync(id, cancellationToken));
                    ids.Add(id);
                }
                else if (ContainerProjectLabels.Of(current, ContainerProjectLabels.ConfigHash) != service.Hash || (imageId != null && current.ImageId != imageId))
                {
                    output.WriteVerbose($"Recreating the container '{current.Name}': the service's " + (ContainerProjectLabels.Of(current, ContainerProjectLabels.ConfigHash) != service.Hash ? "configuration" : "image") + " changed.");
                    string id = await CreateAsync(engine, project, service, number, name + "_new_" + current.Id.Substring(0, 12), output, cancellationToken);
                    await OrDiscardedAsync(engine, id, output, async () =>
                    {
                        await engine.Client.Containers.StopAsync(current.Id, null, cancellationToken);
                        await engine.Client.Containers.RemoveAsync(current.Id, force: true, cancellationToken: cancellationToken);
                        await engine.Client.Containers.RenameAsync(id, name, cancellationToken);
                        await engine.Client.Containers.StartAsync(id, cancellationToken);
                    });
                    ids.Add(id);
                    recreated[service.Service.Name] = true;
                }
                else if (current.State != "running")
                {
                    output.WriteVerbose($"Starting the container '{current.Name}'.");
                    await engine.Client.Containers.StartAsync(current.Id, cancellationToken);
                    ids.Add(current.Id);
                }
                else if (restartFor != null)
                {
                    output.WriteVerbose($"Restarting the container '{current.Name}': the service '{restartFor}' it depends on (restart: true) was recreated.");
                    await engine.Client.Containers.RestartAsync(current.Id, null, cancellationToken);
                    ids.Add(current.Id);
                }
                else
                {
                    output.WriteVerbose($"The container '{current.Name}' is up to date.");
                    ids.Add(current.Id);
                }
            }

            // Fewer replicas than containers: the extra ones go, highest numbers first.
            foreach (Container extra in mine.Where(container => Number(container) > service.Requests.Count).OrderByDescending(Number))
            {
                output.WriteVerbose($"Removing the container '{extra.Name}': the service has {service.Requests.Count} replicas.");
                await engine.Client.Containers.StopAsync(extra.Id, null, cancellationToken);
                await engine.Client.Containers.RemoveAsync(extra.Id, force: true, cancellationToken: cancellationToken);
            }
        }

        // Created through New-Container's own create step (its warnings included); the other networks are joined after.
        private static async Task<string> CreateAsync(ContainerEngine engine, ComposeProject project, Planned service, int number, string name, ICommandOutput output, CancellationToken cancellationToken)
        {
            string id = await new NewContainerCommand(service.Requests[number - 1], name, null).CreateAsync(engine, output, cancellationToken);
            await OrDiscardedAsync(engine, id, output, async () =>
            {
                foreach (KeyValuePair<string, EndpointSettings> network in ProjectContainerRequest.LaterNetworks(project, service.Service))
                {
                    await engine.Client.Networks.ConnectAsync(network.Key, new NetworkConnectRequest { Container = id, EndpointConfig = network.Value }, cancellationToken);
                }
            });
            return id;
        }

        // A container made in this run whose next step failed (a network to join, its start, Ctrl+C) is removed, so the
        // failed service leaves no half-made container; the failure goes up as it was.
        private static async Task OrDiscardedAsync(ContainerEngine engine, string id, ICommandOutput output, Func<Task> next)
        {
            try
            {
                await next();
            }
            catch
            {
                try
                {
                    // Not the run's token: after Ctrl+C the removal must still be asked for.
                    await engine.Client.Containers.RemoveAsync(id, force: true, cancellationToken: CancellationToken.None);
                }
                catch (EngineException leftover)
                {
                    output.WriteVerbose($"The container '{id}' could not be removed after the failure: {leftover.Message}");
                }

                throw;
            }
        }

        private static int Number(Container container) =>
            int.TryParse(ContainerProjectLabels.Of(container, ContainerProjectLabels.ContainerNumber), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : 0;

        private sealed class Planned
        {
            public Planned(ComposeService service, string hash, List<ContainerCreateRequest> requests, string pullPolicy)
            {
                Service = service;
                Hash = hash;
                Requests = requests;
                PullPolicy = pullPolicy;
            }

            /// <summary>always, missing, never or build: the file's, or -Pull's when given.</summary>
            public string PullPolicy { get; }

            public ComposeService Service { get; }

            public string Hash { get; }

            public List<ContainerCreateRequest> Requests { get; }
        }
    }
}
