using Containers.Commands.Services;
using Containers.Commands.Stacks;
using Containers.Compose;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Stacks
{
    /// <summary>
    /// Publish-ContainerStack through the seam on the shared single-node swarm: what it makes is named and labelled as
    /// docker stack deploy would, so docker stack ls, services and rm (the docker CLI) see and remove our stacks; a
    /// redeploy updates only what changed. Every stack is taken down after its test, whatever happened.
    /// </summary>
    [RequiresEngine]
    public sealed class PublishContainerStackCommandTests : IAsyncLifetime
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("cts-stack-").FullName;

        private readonly List<string> _stacks = new List<string>();

        private SwarmEngine _swarm = null!;

        private ContainerEngine _engine = null!;

        private string ConfigDirectory => System.IO.Path.Combine(_folder, "docker-config");

        [Fact]
        public async Task A_stack_is_named_and_labelled_as_docker_stack_deploy_makes_it_and_docker_stack_sees_and_removes_it()
        {
            string stack = NewStack();
            File.WriteAllText(System.IO.Path.Combine(_folder, "password.txt"), "s3cret");
            File.WriteAllText(System.IO.Path.Combine(_folder, "app.conf"), "level=debug");
            int port = 20000 + Random.Shared.Next(10000);
            string file = Write("stack.yml", $@"
services:
  web:
    image: {_swarm.Image}
    command: [""sleep"", ""3600""]
    environment:
      MODE: one
    ports:
      - ""{port}:80""
    networks: [default, back]
    configs:
      - source: app
        target: /etc/app.conf
    deploy:
      replicas: 1
      labels:
        tier: front
    labels:
      role: web
  db:
    image: {_swarm.Image}
    command: sleep 3600
    networks:
      back:
        aliases: [database]
    secrets: [password]
    healthcheck:
      test: [""CMD"", ""true""]
      interval: 10s
    stop_grace_period: 3s
    stop_signal: SIGINT
networks:
  back: {{}}
secrets:
  password:
    file: ./password.txt
configs:
  app:
    file: ./app.conf
");
            RecordingOutput output = await DeployAsync(stack, file);
            Assert.Empty(output.Errors);
            ContainerStack deployed = Assert.Single(output.ObjectsOf<ContainerStack>());
            Assert.Equal(stack, deployed.Name);
            Assert.Equal(new[] { stack + "_db", stack + "_web" }, deployed.Services.Select(service => service.Name));

            Service web = await _swarm.Client.Services.InspectAsync(stack + "_web");
            Assert.Equal(stack, web.Spec.Labels![ContainerStackLabels.Namespace]);
            Assert.Equal(_swarm.Image, web.Spec.Labels[ContainerStackLabels.Image]);
            Assert.Equal("front", web.Spec.Labels["tier"]);
            Assert.Equal("web", web.Spec.TaskTemplate.ContainerSpec.Labels!["role"]);
            Assert.Equal(stack, web.Spec.TaskTemplate.ContainerSpec.Labels[ContainerStackLabels.Namespace]);
            Assert.Contains("MODE=one", web.Spec.TaskTemplate.ContainerSpec.Env!);
            EndpointPortConfig published = Assert.Single(web.Spec.EndpointSpec!.Ports!);
            Assert.Equal((80u, (uint?)(uint)port, "ingress"), (published.TargetPort, published.PublishedPort, published.PublishMode));
            Assert.Equal("/etc/app.conf", Assert.Single(web.Spec.TaskTemplate.ContainerSpec.Configs!).File!.Name);

            NetworkResource defaultNetwork = await _swarm.Client.Networks.InspectAsync(stack + "_default");
            NetworkResource back = await _swarm.Client.Networks.InspectAsync(stack + "_back");
            Assert.Equal(("overlay", "swarm", stack), (defaultNetwork.Driver, defaultNetwork.Scope, defaultNetwork.Labels![ContainerStackLabels.Namespace]));
            Assert.Equal(("overlay", stack), (back.Driver, back.Labels![ContainerStackLabels.Namespace]));
            Assert.Equal(new[] { back.Id, defaultNetwork.Id }.OrderBy(id => id), web.Spec.TaskTemplate.Networks!.Select(network => network.Target).OrderBy(id => id));
            Assert.All(web.Spec.TaskTemplate.Networks!, network => Assert.Contains("web", network.Aliases!));

            Service db = await _swarm.Client.Services.InspectAsync(stack + "_db");
            NetworkAttachmentConfig dbNetwork = Assert.Single(db.Spec.TaskTemplate.Networks!);
            Assert.Equal(back.Id, dbNetwork.Target);
            Assert.Equal(new[] { "database", "db" }, dbNetwork.Aliases!.OrderBy(alias => alias));
            SecretReference secret = Assert.Single(db.Spec.TaskTemplate.ContainerSpec.Secrets!);
            Assert.Equal((stack + "_password", "password"), (secret.SecretName, secret.File!.Name));
            Assert.Equal(stack, (await _swarm.Client.Secrets.InspectAsync(stack + "_password")).Spec.Labels![ContainerStackLabels.Namespace]);
            Assert.Equal(stack, (await _swarm.Client.Configs.InspectAsync(stack + "_app")).Spec.Labels![ContainerStackLabels.Namespace]);
            Assert.Equal(new List<string> { "CMD", "true" }, db.Spec.TaskTemplate.ContainerSpec.Healthcheck!.Test);
            Assert.Equal(10_000_000_000L, db.Spec.TaskTemplate.ContainerSpec.Healthcheck.Interval);
            Assert.Equal(3_000_000_000L, db.Spec.TaskTemplate.ContainerSpec.StopGracePeriod);
            Assert.Equal("SIGINT", db.Spec.TaskTemplate.ContainerSpec.StopSignal);

            Assert.Contains(stack, DockerCli.Run(_swarm.Endpoint, ConfigDirectory, "stack", "ls", "--format", "{{.Name}}").Split('\n').Select(line => line.Trim()));
            Assert.Equal(new[] { stack + "_db", stack + "_web" },
                DockerCli.Run(_swarm.Endpoint, ConfigDirectory, "stack", "services", stack, "--format", "{{.Name}}").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).OrderBy(name => name));

            // Unchanged: nothing is sent, the versions stay.
            ulong webVersion = web.Version!.Index;
            ulong dbVersion = db.Version!.Index;
            output = await DeployAsync(stack, file);
            Assert.Empty(output.Errors);
            Assert.True(!output.Asked.Any(asked => asked.Action == "Update"), string.Join("\n", output.Asked.Select(asked => asked.Target)));
            Assert.Equal(webVersion, (await _swarm.Client.Services.InspectAsync(stack + "_web")).Version!.Index);
            Assert.Equal(dbVersion, (await _swarm.Client.Services.InspectAsync(stack + "_db")).Version!.Index);

            // One service's environment changed: only that one is updated.
            File.WriteAllText(file, File.ReadAllText(file).Replace("MODE: one", "MODE: two"));
            output = await DeployAsync(stack, file);
            Assert.Empty(output.Errors);
            Service updated = await _swarm.Client.Services.InspectAsync(stack + "_web");
            Assert.True(updated.Version!.Index > webVersion);
            Assert.Contains("MODE=two", updated.Spec.TaskTemplate.ContainerSpec.Env!);
            Assert.Equal(dbVersion, (await _swarm.Client.Services.InspectAsync(stack + "_db")).Version!.Index);
            Assert.Contains(output.Asked, asked => asked.Action == "Update" && asked.Target.Contains(stack + "_web") && asked.Target.Contains("Env"));

            DockerCli.Run(_swarm.Endpoint, ConfigDirectory, "stack", "rm", stack);
            await EventuallyAsync(async () => (await StackServicesAsync(stack)).Count == 0 && (await _swarm.Client.Networks.ListAsync(Label(stack))).Count == 0, "docker stack rm has removed the stack");
            Assert.Empty(await _swarm.Client.Secrets.ListAsync(Label(stack)));
        }

        [Fact]
        public async Task Prune_removes_the_services_the_file_no_longer_has_and_without_it_they_stay()
        {
            string stack = NewStack();
            string both = Write("both.yml", $@"
services:
  keep:
    image: {_swarm.Image}
    command: sleep 3600
  drop:
    image: {_swarm.Image}
    command: sleep 3600
");
            string one = Write("one.yml", $@"
services:
  keep:
    image: {_swarm.Image}
    command: sleep 3600
");
            // Waited for: once the tasks run, the swarm has allocated the service (which bumps its version once more).
            Assert.Empty((await DeployAsync(stack, both)).Errors);
            ulong keepVersion = (await _swarm.Client.Services.InspectAsync(stack + "_keep")).Version!.Index;

            RecordingOutput kept = await DeployAsync(stack, one, noWait: true);
            Assert.Empty(kept.Errors);
            Assert.True(kept.Asked.Count == 0, string.Join("\n", kept.Asked.Select(asked => asked.Target)));
            Assert.Equal(2, (await StackServicesAsync(stack)).Count);

            RecordingOutput pruned = await DeployAsync(stack, one, noWait: true, prune: true);
            Assert.Empty(pruned.Errors);
            Assert.Equal(new[] { stack + "_keep" }, (await StackServicesAsync(stack)).Select(service => service.Spec.Name));
            Assert.Contains(pruned.Asked, asked => asked.Action == "Remove" && asked.Target.Contains(stack + "_drop"));
            Assert.Equal(keepVersion, (await _swarm.Client.Services.InspectAsync(stack + "_keep")).Version!.Index);
            Assert.Equal(new[] { stack + "_keep" }, Assert.Single(pruned.ObjectsOf<ContainerStack>()).Services.Select(service => service.Name));
        }

        [Fact]
        public async Task A_changed_image_updates_only_its_service_and_its_image_label()
        {
            string stack = NewStack();
            string retagged = "localhost/containers-test/busybox:" + stack;
            await _swarm.Client.Images.TagAsync(_swarm.Image, ImageReference.Parse(retagged));
            try
            {
                string text = $@"
services:
  front:
    image: IMAGE
    command: sleep 3600
  back:
    image: {_swarm.Image}
    command: sleep 3600
";
                string file = Write("image.yml", text.Replace("IMAGE", _swarm.Image));
                // Waited for: once the tasks run, the swarm has allocated the services (which bumps their versions once more).
                Assert.Empty((await DeployAsync(stack, file)).Errors);
                Service front = await _swarm.Client.Services.InspectAsync(stack + "_front");
                ulong backVersion = (await _swarm.Client.Services.InspectAsync(stack + "_back")).Version!.Index;

                File.WriteAllText(file, text.Replace("IMAGE", retagged));
                RecordingOutput output = await DeployAsync(stack, file, noWait: true);
                Assert.Empty(output.Errors);
                Service updated = await _swarm.Client.Services.InspectAsync(stack + "_front");
                Assert.True(updated.Version!.Index > front.Version!.Index);
                Assert.Equal(retagged, updated.Spec.TaskTemplate.ContainerSpec.Image);
                Assert.Equal(retagged, updated.Spec.Labels![ContainerStackLabels.Image]);
                Assert.Equal(backVersion, (await _swarm.Client.Services.InspectAsync(stack + "_back")).Version!.Index);
            }
            finally
            {
                foreach (Service service in await StackServicesAsync(stack))
                {
                    await Ignore(() => _swarm.Client.Services.RemoveAsync(service.ID));
                }

                await EventuallyAsync(() => Ignore(() => _swarm.Client.Images.RemoveAsync(retagged)), "the retagged image is free to remove");
            }
        }

        [Fact]
        public async Task A_stack_docker_stack_deploy_made_is_left_alone_by_a_redeploy_of_the_same_file_and_updated_by_a_changed_one()
        {
            string stack = NewStack();
            File.WriteAllText(System.IO.Path.Combine(_folder, "key.txt"), "k");
            string file = Write("docker.yml", $@"
services:
  web:
    image: {_swarm.Image}
    command: [""sleep"", ""3600""]
    environment:
      MODE: one
    networks:
      back:
        aliases: [site]
    secrets: [key]
    configs: [settings]
    ports:
      - ""{20000 + Random.Shared.Next(10000)}:81""
      - ""{30000 + Random.Shared.Next(10000)}:80""
    deploy:
      replicas: 1
      labels:
        tier: front
networks:
  back: {{}}
secrets:
  key:
    file: ./key.txt
configs:
  settings:
    file: ./key.txt
");
            DockerCli.Run(_swarm.Endpoint, ConfigDirectory, "stack", "deploy", "--resolve-image", "never", "-c", file, stack);
            // The swarm bumps the version once more when it has allocated the published ports: read after that.
            await EventuallyAsync(async () => (await _swarm.Client.Services.InspectAsync(stack + "_web")).Endpoint?.Ports?.Count == 2, "the swarm has allocated the ports");
            ulong version = (await _swarm.Client.Services.InspectAsync(stack + "_web")).Version!.Index;

            // The same file translated as docker does: the spec it would send is the one docker sent, so nothing is asked.
            RecordingOutput output = await DeployAsync(stack, file, noWait: true, prune: true);
            Assert.Empty(output.Errors);
            Assert.True(output.Asked.Count == 0, string.Join("\n", output.Asked.Select(asked => asked.Action + " " + asked.Target)));
            Assert.Equal(version, (await _swarm.Client.Services.InspectAsync(stack + "_web")).Version!.Index);
            Assert.Equal(new[] { stack + "_web" }, Assert.Single(output.ObjectsOf<ContainerStack>()).Services.Select(service => service.Name));

            File.WriteAllText(file, File.ReadAllText(file).Replace("MODE: one", "MODE: two"));
            output = await DeployAsync(stack, file, noWait: true);
            Assert.Empty(output.Errors);
            Assert.Equal("Update", Assert.Single(output.Asked).Action);
            Assert.Contains("MODE=two", (await _swarm.Client.Services.InspectAsync(stack + "_web")).Spec.TaskTemplate.ContainerSpec.Env!);
        }

        [Fact]
        public async Task A_service_someone_else_updated_after_it_was_read_is_SwarmUpdateConflict_and_keeps_their_change()
        {
            string stack = NewStack();
            string text = $@"
services:
  web:
    image: {_swarm.Image}
    command: sleep 3600
    environment:
      MODE: MODE_VALUE
";
            string file = Write("conflict.yml", text.Replace("MODE_VALUE", "one"));
            Assert.Empty((await DeployAsync(stack, file)).Errors);
            File.WriteAllText(file, text.Replace("MODE_VALUE", "two"));

            // Someone else updates the service between the deploy's read and its update (at the question before it).
            var output = new InterleavingOutput(async () =>
            {
                Service read = await _swarm.Client.Services.InspectAsync(stack + "_web");
                read.Spec.Labels!["someone"] = "else";
                await _swarm.Client.Services.UpdateAsync(read.ID, read.Version!.Index, read.Spec);
            });
            EngineException stale = await Assert.ThrowsAnyAsync<EngineException>(() => Command(stack, file, noWait: true, prune: false).ExecuteAsync(_engine, output, default));
            Assert.Equal("SwarmUpdateConflict", ErrorClassifier.Classify(stale, stack + "_web", "Service").ErrorId);
            Service kept = await _swarm.Client.Services.InspectAsync(stack + "_web");
            Assert.Equal("else", kept.Spec.Labels!["someone"]);
            Assert.Contains("MODE=one", kept.Spec.TaskTemplate.ContainerSpec.Env!);
        }

        [Fact]
        public async Task A_bad_file_a_missing_external_secret_or_a_service_without_image_makes_nothing()
        {
            string stack = NewStack();
            string bad = Write("bad.yml", $@"
services:
  web:
    image: {_swarm.Image}
    ports: ""not a list""
networks:
  back: {{}}
");
            await Assert.ThrowsAsync<ComposeFileException>(() => DeployAsync(stack, bad));

            string external = Write("external.yml", $@"
services:
  web:
    image: {_swarm.Image}
    command: sleep 3600
    secrets: [token]
secrets:
  token:
    external: true
    name: {stack}-absent
");
            EngineNotFoundException missing = await Assert.ThrowsAsync<EngineNotFoundException>(() => DeployAsync(stack, external));
            Assert.Equal("SecretNotFound", ErrorClassifier.Classify(missing, stack).ErrorId);
            Assert.Contains(stack + "-absent", missing.Message);

            string buildOnly = Write("build.yml", $@"
services:
  web:
    image: {_swarm.Image}
    command: sleep 3600
  app:
    build: .
");
            ComposeFileException noImage = await Assert.ThrowsAsync<ComposeFileException>(() => DeployAsync(stack, buildOnly));
            Assert.Equal("services.app", noImage.Key);

            Assert.Empty(await StackServicesAsync(stack));
            Assert.Empty(await _swarm.Client.Networks.ListAsync(Label(stack)));
            Assert.Empty(await _swarm.Client.Secrets.ListAsync(Label(stack)));
        }

        [Fact]
        public async Task WhatIf_asks_for_each_object_and_makes_nothing()
        {
            string stack = NewStack();
            File.WriteAllText(System.IO.Path.Combine(_folder, "token.txt"), "t");
            string file = Write("whatif.yml", $@"
services:
  web:
    image: {_swarm.Image}
    command: sleep 3600
    secrets: [token]
  debug:
    image: {_swarm.Image}
    profiles: [debug]
secrets:
  token:
    file: ./token.txt
");
            var output = new RecordingOutput { Approve = false };
            await Command(stack, file, noWait: true, prune: false).ExecuteAsync(_engine, output, default);
            Assert.Empty(output.Errors);
            Assert.Empty(output.Objects);
            Assert.Equal(new[] { "Create secret", "Create network", "Create service" },
                output.Asked.Select(asked => asked.Action + " " + asked.Target.Split(' ')[0]));

            // A service of a profile not given is not deployed; given, it is.
            Assert.DoesNotContain(output.Asked, asked => asked.Target.Contains(stack + "_debug"));
            PublishContainerStackCommand withProfile = Command(stack, file, noWait: true, prune: false);
            withProfile.Profile = new[] { "debug" };
            output = new RecordingOutput { Approve = false };
            await withProfile.ExecuteAsync(_engine, output, default);
            Assert.Contains(output.Asked, asked => asked.Target.Contains(stack + "_debug"));
            Assert.Empty(await StackServicesAsync(stack));
            Assert.Empty(await _swarm.Client.Networks.ListAsync(Label(stack)));
            Assert.Empty(await _swarm.Client.Secrets.ListAsync(Label(stack)));
        }

        [Fact]
        public async Task A_service_whose_tasks_cannot_run_within_Timeout_is_ServiceConvergenceTimeout_and_the_stack_stays()
        {
            string stack = NewStack();
            string file = Write("stuck.yml", $@"
services:
  stuck:
    image: {_swarm.Image}
    command: sleep 3600
    deploy:
      placement:
        constraints: [""node.labels.cts-nowhere == yes""]
");
            var output = new RecordingOutput();
            PublishContainerStackCommand command = Command(stack, file, noWait: false, prune: false);
            command.Timeout = TimeSpan.FromSeconds(2);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await command.ExecuteAsync(_engine, output, default);

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the deploy gave up after {clock.Elapsed}, not about 2 s");
            CommandError timeout = Assert.Single(output.Errors);
            Assert.Equal("ServiceConvergenceTimeout", timeout.ErrorId);
            Assert.Contains(stack + "_stuck", timeout.Message, StringComparison.Ordinal);
            Assert.Contains("0 of 1 running", timeout.Message, StringComparison.Ordinal);
            // The stack stays, as docker leaves it: it is written out, and the swarm keeps its service.
            Assert.Equal(stack, Assert.IsType<ContainerStack>(Assert.Single(output.Objects)).Name);
            Assert.Single(await StackServicesAsync(stack));
        }

        [Fact]
        public async Task A_name_that_would_not_make_swarm_names_is_refused_before_the_file_is_read()
        {
            InvalidParameterException invalid = await Assert.ThrowsAsync<InvalidParameterException>(() =>
                Command("bad name!", System.IO.Path.Combine(_folder, "absent.yml"), noWait: true, prune: false).ExecuteAsync(_engine, new RecordingOutput(), default));
            Assert.Equal("Name", invalid.ParamName);
        }

        private string NewStack()
        {
            string stack = PrivateEngine.UniqueName("cts-stk");
            _stacks.Add(stack);
            return stack;
        }

        private string Write(string name, string text)
        {
            string path = System.IO.Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        private PublishContainerStackCommand Command(string stack, string file, bool noWait, bool prune) => new PublishContainerStackCommand
        {
            Path = new[] { file },
            Name = stack,
            Environment = new Dictionary<string, string>(),
            NoWait = noWait,
            Prune = prune,
            Image = new ServiceImage { Resolution = ServiceImageResolution.Never },
        };

        private async Task<RecordingOutput> DeployAsync(string stack, string file, bool noWait = false, bool prune = false)
        {
            var output = new RecordingOutput();
            await Command(stack, file, noWait, prune).ExecuteAsync(_engine, output, default);
            return output;
        }

        private static Filters Label(string stack) => new Filters().Add("label", ContainerStackLabels.Namespace + "=" + stack);

        private async Task<List<Service>> StackServicesAsync(string stack) => await _swarm.Client.Services.ListAsync(Label(stack));

        private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
        {
            DateTime deadline = DateTime.UtcNow.AddMinutes(2);
            while (!await condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "Timed out waiting until " + what);
                await Task.Delay(250);
            }
        }

        public async Task InitializeAsync()
        {
            _swarm = await SwarmEngine.GetAsync();
            _engine = EngineDirectory.Get(_swarm.Endpoint, null, null, "swarm", "parameter");
            Directory.CreateDirectory(ConfigDirectory);
        }

        // Services first, then what they used once their tasks are gone (a secret in use cannot be removed).
        public async Task DisposeAsync()
        {
            foreach (string stack in _stacks)
            {
                foreach (Service service in await StackServicesAsync(stack))
                {
                    await Ignore(() => _swarm.Client.Services.RemoveAsync(service.ID));
                }

                DateTime deadline = DateTime.UtcNow.AddMinutes(1);
                while (DateTime.UtcNow < deadline)
                {
                    bool left = false;
                    foreach (NetworkResource network in await _swarm.Client.Networks.ListAsync(Label(stack)))
                    {
                        left |= !await Ignore(() => _swarm.Client.Networks.RemoveAsync(network.Id));
                    }

                    foreach (SwarmSecret secret in await _swarm.Client.Secrets.ListAsync(Label(stack)))
                    {
                        left |= !await Ignore(() => _swarm.Client.Secrets.RemoveAsync(secret.ID));
                    }

                    foreach (SwarmConfig config in await _swarm.Client.Configs.ListAsync(Label(stack)))
                    {
                        left |= !await Ignore(() => _swarm.Client.Configs.RemoveAsync(config.ID));
                    }

                    if (!left)
                    {
                        break;
                    }

                    await Task.Delay(500);
                }
            }

            Directory.Delete(_folder, recursive: true);
        }

        /// <summary>Approves everything, running an action (once) when asked about an update, before the update is sent.</summary>
        private sealed class InterleavingOutput : ICommandOutput
        {
            private readonly RecordingOutput _inner = new RecordingOutput();

            private Func<Task>? _beforeUpdate;

            public InterleavingOutput(Func<Task> beforeUpdate)
            {
                _beforeUpdate = beforeUpdate;
            }

            public bool ShouldProcess(string target, string action)
            {
                if (action == "Update" && _beforeUpdate != null)
                {
                    _beforeUpdate().GetAwaiter().GetResult();
                    _beforeUpdate = null;
                }

                return _inner.ShouldProcess(target, action);
            }

            public void WriteObject(object value) => _inner.WriteObject(value);

            public void WriteError(CommandError error) => _inner.WriteError(error);

            public void WriteWarning(string message) => _inner.WriteWarning(message);

            public void WriteVerbose(string message) => _inner.WriteVerbose(message);

            public void WriteDebug(string message) => _inner.WriteDebug(message);

            public void WriteProgress(ProgressUpdate progress) => _inner.WriteProgress(progress);

            public void WriteInformation(string message, params string[] tags) => _inner.WriteInformation(message, tags);

            public bool ShouldContinue(string query, string caption) => _inner.ShouldContinue(query, caption);

            public void SetExitCode(int exitCode) => _inner.SetExitCode(exitCode);
        }

        private static async Task<bool> Ignore(Func<Task> act)
        {
            try
            {
                await act();
                return true;
            }
            catch (EngineNotFoundException)
            {
                return true;
            }
            catch (EngineException)
            {
                return false;
            }
        }
    }
}
