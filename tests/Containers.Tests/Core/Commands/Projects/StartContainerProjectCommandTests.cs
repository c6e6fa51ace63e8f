using Containers.Commands.Images;
using Containers.Commands.Projects;
using Containers.Compose;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Tests.Engine.CredentialStore;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Projects
{
    public class StartContainerProjectCommandTests : ProjectCommandTest
    {
        [Fact]
        public async Task Up_makes_the_network_the_volume_and_the_containers_with_composes_names_and_labels_dependencies_first()
        {
            // db also publishes a port on loopback (the engine picks it), with limits, through New-Container's own parsing.
            string file = Folder.Write("compose.yaml", TwoServices().Replace("    volumes:\n      - data:/data", @"    volumes:
      - data:/data
    ports:
      - ""127.0.0.1::8080""
    deploy:
      resources:
        limits:
          memory: 64M
          cpus: '0.5'"));
            var output = new RecordingOutput();
            ContainerProject project = (await UpAsync(file, output))!;

            Assert.Equal(Project, project.Name);
            Assert.Equal("running(2)", project.Status);
            Assert.Equal(new[] { "db", "web" }, project.Services);
            Assert.Equal(new[] { file }, project.ConfigFiles);
            Assert.Equal(Folder.Directory, project.WorkingDirectory);
            Assert.Equal(("project '" + Project + "' on " + Engine.Name, "Start (db, web)"), Assert.Single(output.Asked));
            Assert.Contains(output.Progress, progress => progress.Status == "Service db");
            Assert.True(output.Progress.Last().Completed);

            Dictionary<string, ContainerSummary> containers = await ContainersAsync();
            Assert.Equal(new[] { Project + "-db-1", Project + "-web-1" }, containers.Keys.OrderBy(name => name, StringComparer.Ordinal));
            ContainerInspect web = await Client.Containers.InspectAsync(containers[Project + "-web-1"].Id);
            ContainerInspect db = await Client.Containers.InspectAsync(containers[Project + "-db-1"].Id);
            Dictionary<string, string> labels = web.Config!.Labels!;
            Assert.Equal(Project, labels["com.docker.compose.project"]);
            Assert.Equal("web", labels["com.docker.compose.service"]);
            Assert.Equal("1", labels["com.docker.compose.container-number"]);
            Assert.Equal("False", labels["com.docker.compose.oneoff"]);
            Assert.Equal(Folder.Directory, labels["com.docker.compose.project.working_dir"]);
            Assert.Equal(file, labels["com.docker.compose.project.config_files"]);
            Assert.Equal("1.29.2", labels["com.docker.compose.version"]);
            Assert.Equal("front", labels["tier"]);
            Assert.Matches("^[0-9a-f]{64}$", labels["com.docker.compose.config-hash"]);
            Assert.Contains("ROUND=one", web.Config.Env!);
            Assert.Equal("SIGKILL", web.Config.StopSignal);

            // Dependencies first: db was created (and started) before web.
            Assert.True(DateTimeOffset.Parse(db.Created!) < DateTimeOffset.Parse(web.Created!));
            Assert.True(DateTimeOffset.Parse(db.State!.StartedAt!) <= DateTimeOffset.Parse(web.Created!));

            // The default network, labelled as compose labels it, with the service name as an alias.
            string network = Assert.Single(await NetworksAsync());
            Assert.Equal(Project + "_default", network);
            NetworkResource inspected = await Client.Networks.InspectAsync(network);
            Assert.Equal("default", inspected.Labels!["com.docker.compose.network"]);
            Assert.Contains("web", web.NetworkSettings!.Networks![network].Aliases!);

            // The volume, named PROJECT_KEY, mounted in db.
            Assert.Equal(new[] { Project + "_data" }, await VolumesAsync());
            Assert.Contains(db.Mounts!, mount => mount.Name == Project + "_data" && mount.Destination == "/data");
            Assert.Equal(64L * 1024 * 1024, db.HostConfig!.Memory);
            Assert.Equal(500_000_000L, db.HostConfig.NanoCpus);
            PortBinding published = Assert.Single(db.HostConfig.PortBindings!["8080/tcp"]!);
            Assert.Equal("127.0.0.1", published.HostIp);
        }

        [Fact]
        public async Task A_second_up_recreates_nothing_and_starts_what_was_stopped_and_a_changed_service_alone_is_recreated()
        {
            string file = Folder.Write("compose.yaml", TwoServices());
            await UpAsync(file);
            Dictionary<string, ContainerSummary> first = await ContainersAsync();
            await Client.Containers.StopAsync(first[Project + "-db-1"].Id);

            await UpAsync(file);
            Dictionary<string, ContainerSummary> second = await ContainersAsync();
            Assert.Equal(first.ToDictionary(pair => pair.Key, pair => pair.Value.Id), second.ToDictionary(pair => pair.Key, pair => pair.Value.Id));
            Assert.All(second.Values, container => Assert.Equal("running", container.State));

            Folder.Write("compose.yaml", TwoServices(webEnvironment: "two"));
            var output = new RecordingOutput();
            await UpAsync(file, output);
            Dictionary<string, ContainerSummary> third = await ContainersAsync();
            Assert.Equal(new[] { Project + "-db-1", Project + "-web-1" }, third.Keys.OrderBy(name => name, StringComparer.Ordinal));
            Assert.Equal(first[Project + "-db-1"].Id, third[Project + "-db-1"].Id);
            Assert.NotEqual(first[Project + "-web-1"].Id, third[Project + "-web-1"].Id);
            Assert.Equal("running", third[Project + "-web-1"].State);
            Assert.Contains("ROUND=two", (await Client.Containers.InspectAsync(third[Project + "-web-1"].Id)).Config!.Env!);
            Assert.Contains(output.Verbose, line => line.Contains("Recreating the container '" + Project + "-web-1'"));
        }

        [Fact]
        public async Task Service_starts_only_that_service_and_what_it_depends_on_and_replicas_are_numbered()
        {
            string file = Folder.Write("compose.yaml", TwoServices().Replace("volumes:\n  data: {}", $@"  other:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    deploy:
      replicas: 2
volumes:
  data: {{}}"));
            await UpAsync(file, services: new[] { "web" });
            Assert.Equal(new[] { Project + "-db-1", Project + "-web-1" }, (await ContainersAsync()).Keys.OrderBy(name => name, StringComparer.Ordinal));

            await UpAsync(file);
            Dictionary<string, ContainerSummary> all = await ContainersAsync();
            Assert.Equal(new[] { Project + "-db-1", Project + "-other-1", Project + "-other-2", Project + "-web-1" }, all.Keys.OrderBy(name => name, StringComparer.Ordinal));
            Assert.Equal("2", all[Project + "-other-2"].Labels!["com.docker.compose.container-number"]);

            // Scaled down to one replica, other keeps its first container; web, renamed front in the file, is left as an
            // orphan, with a warning.

            Folder.Write("compose.yaml", TwoServices().Replace("volumes:\n  data: {}", $@"  other:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
volumes:
  data: {{}}").Replace("  web:", "  front:"));
            var output = new RecordingOutput();
            await UpAsync(file, output);
            Dictionary<string, ContainerSummary> scaled = await ContainersAsync();
            Assert.Equal(new[] { Project + "-db-1", Project + "-front-1", Project + "-other-1", Project + "-web-1" }, scaled.Keys.OrderBy(name => name, StringComparer.Ordinal));
            Assert.Equal(all[Project + "-other-1"].Id, scaled[Project + "-other-1"].Id);
            Assert.Contains($"services its files do not declare: {Project}-web-1", Assert.Single(output.Warnings));
        }

        [Fact]
        public async Task A_bad_file_is_ComposeFileInvalid_naming_file_line_and_key_and_nothing_is_made()
        {
            string file = Folder.Write("compose.yaml", TwoServices().Replace("    stop_signal: SIGKILL\n    depends_on", "    stop_signal: SIGKILL\n    restartt: always\n    depends_on"));
            var output = new RecordingOutput();
            ComposeFileException error = await Assert.ThrowsAsync<ComposeFileException>(() => new StartContainerProjectCommand
            {
                Path = new[] { file },
                Name = Project,
                Environment = Variables,
            }.ExecuteAsync(Engine, output, default));
            Assert.Equal(file, error.File);
            Assert.Equal(6, error.Line);
            Assert.Contains("restartt", error.Key);
            Assert.Equal("ComposeFileInvalid", ErrorClassifier.Classify(error, null).ErrorId);
            Assert.Empty(output.Asked);
            Assert.Empty(await ContainersAsync());
            Assert.Empty(await NetworksAsync());
            Assert.Empty(await VolumesAsync());
        }

        [Fact]
        public async Task A_missing_image_with_Pull_Never_names_the_service_and_makes_nothing()
        {
            string file = Folder.Write("compose.yaml", TwoServices().Replace("  db:\n    image: ${IMAGE}", "  db:\n    image: localhost/containers-test/absent:1"));
            var output = new RecordingOutput();
            ContainerProject? project = await new StartContainerProjectCommand
            {
                Path = new[] { file },
                Name = Project,
                Environment = Variables,
                Pull = ImagePullPolicy.Never,
            }.ExecuteAsync(Engine, output, default);

            Assert.Null(project);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ImageNotFound", error.ErrorId);
            Assert.StartsWith("Service 'db': ", error.Message);
            Assert.Empty(await ContainersAsync());
            Assert.Empty(await NetworksAsync());
        }

        [Fact]
        public async Task WhatIf_makes_nothing()
        {
            string file = Folder.Write("compose.yaml", TwoServices());
            var output = new RecordingOutput { Approve = false };
            Assert.Null(await new StartContainerProjectCommand { Path = new[] { file }, Name = Project, Environment = Variables }.ExecuteAsync(Engine, output, default));
            Assert.Single(output.Asked);
            Assert.Empty(await ContainersAsync());
            Assert.Empty(await NetworksAsync());
        }
        [Fact]
        public async Task A_create_that_fails_midway_names_the_service_keeps_what_was_made_and_a_failed_recreate_keeps_the_old_container()
        {
            string file = Folder.Write("compose.yaml", TwoServices().Replace("    labels:\n      tier: front", "    labels:\n      tier: front\n    cap_add: [NOT_A_CAPABILITY]"));
            var output = new RecordingOutput();
            Assert.Null(await new StartContainerProjectCommand { Path = new[] { file }, Name = Project, Environment = Variables }.ExecuteAsync(Engine, output, default));
            CommandError error = Assert.Single(output.Errors);
            Assert.StartsWith("Service 'web': ", error.Message);
            Assert.Equal("web", error.Target);
            Dictionary<string, ContainerSummary> made = await ContainersAsync();
            Assert.Equal(new[] { Project + "-db-1" }, made.Keys);
            Assert.Equal("running", made[Project + "-db-1"].State);

            // Once up, a change that cannot be created leaves the running container as it was.
            Folder.Write("compose.yaml", TwoServices());
            await UpAsync(file);
            Dictionary<string, ContainerSummary> up = await ContainersAsync();
            Folder.Write("compose.yaml", TwoServices(webEnvironment: "two").Replace("    labels:\n      tier: front", "    labels:\n      tier: front\n    cap_add: [NOT_A_CAPABILITY]"));
            var failed = new RecordingOutput();
            await new StartContainerProjectCommand { Path = new[] { file }, Name = Project, Environment = Variables }.ExecuteAsync(Engine, failed, default);
            Assert.StartsWith("Service 'web': ", Assert.Single(failed.Errors).Message);
            Dictionary<string, ContainerSummary> after = await ContainersAsync();
            Assert.Equal(up.ToDictionary(pair => pair.Key, pair => pair.Value.Id), after.ToDictionary(pair => pair.Key, pair => pair.Value.Id));
            Assert.All(after.Values, container => Assert.Equal("running", container.State));
        }

        [Fact]
        public void The_config_hash_is_stable_changes_with_the_service_and_leaves_out_the_replica_count()
        {
            string file = Folder.Write("compose.yaml", TwoServices());
            ComposeService Web(string text)
            {
                Folder.Write("compose.yaml", text);
                return ComposeReader.Read(new[] { file }, new ComposeReadOptions { ProjectName = Project, Environment = Variables }).Services["web"];
            }

            string first = ProjectConfigHash.Of(Web(TwoServices()));
            Assert.Equal(first, ProjectConfigHash.Of(Web(TwoServices())));
            Assert.Equal(first, ProjectConfigHash.Of(Web(TwoServices().Replace("    labels:\n      tier: front", "    labels:\n      tier: front\n    deploy:\n      replicas: 3"))));
            Assert.Equal(first, ProjectConfigHash.Of(Web(TwoServices().Replace("    labels:\n      tier: front", "    labels:\n      tier: front\n    scale: 3\n    pull_policy: always"))));
            Assert.NotEqual(first, ProjectConfigHash.Of(Web(TwoServices(webEnvironment: "two"))));
            Assert.NotEqual(first, ProjectConfigHash.Of(Web(TwoServices().Replace("tier: front", "tier: back"))));
        }
        [Fact]
        public async Task A_service_with_build_is_built_when_its_image_is_missing_or_Build_says_so_and_named_PROJECT_SERVICE()
        {
            using var sandbox = new CredentialSandbox();
            Folder.Write("app/Dockerfile", $"FROM {Image}\nARG ROUND\nRUN echo \"built $ROUND\" > /built\n");
            string file = Folder.Write("compose.yaml", @"services:
  app:
    build:
      context: ./app
      args:
        ROUND: ${ROUND}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
");
            string image = Project + "-app";
            try
            {
                async Task<RecordingOutput> Up(string round, bool build)
                {
                    var output = new RecordingOutput();
                    await new StartContainerProjectCommand
                    {
                        Path = new[] { file },
                        Name = Project,
                        Environment = new Dictionary<string, string> { ["ROUND"] = round },
                        Build = build,
                        BuildStore = sandbox.Store(),
                    }.ExecuteAsync(Engine, output, default);
                    Assert.Empty(output.Errors);
                    return output;
                }

                RecordingOutput first = await Up("one", build: false);
                Assert.Contains(first.Verbose, line => line.Contains("building it"));
                Assert.Empty(first.ObjectsOf<ContainerImage>());
                ContainerSummary app = (await ContainersAsync())[Project + "-app-1"];
                Assert.Equal(image, app.Image);

                // The image exists now: not built again, and the container is kept.
                RecordingOutput second = await Up("one", build: false);
                Assert.DoesNotContain(second.Verbose, line => line.Contains("Building the image"));
                Assert.Equal(app.Id, (await ContainersAsync())[Project + "-app-1"].Id);

                // -Build builds again, with the new build arg: a new image, so the container is recreated from it.
                RecordingOutput third = await Up("two", build: true);
                Assert.Contains(third.Verbose, line => line.Contains("Building the image"));
                ContainerSummary rebuilt = (await ContainersAsync())[Project + "-app-1"];
                Assert.NotEqual(app.Id, rebuilt.Id);
                Assert.NotEqual(app.ImageID, rebuilt.ImageID);
                await Up("two", build: false);
                Assert.Equal(rebuilt.Id, (await ContainersAsync())[Project + "-app-1"].Id);
                Assert.Contains("built two", DockerCli.Run(Private.Endpoint, sandbox.ConfigDirectory, "exec", rebuilt.Id, "cat", "/built"));
            }
            finally
            {
                await new RemoveContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, new RecordingOutput(), default);
                await Client.Images.RemoveAsync(image, force: true);
            }
        }
        [Fact]
        public async Task Secrets_and_configs_from_files_are_mounted_read_only_where_compose_puts_them()
        {
            Folder.Write("token.txt", "s3cret");
            Folder.Write("app.conf", "setting=1");
            string file = Folder.Write("compose.yaml", @"services:
  app:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    secrets: [token]
    configs:
      - source: conf
        target: /etc/app.conf
secrets:
  token:
    file: ./token.txt
configs:
  conf:
    file: ./app.conf
");
            var output = new RecordingOutput();
            await UpAsync(file, output);
            Assert.Empty(output.Warnings);
            ContainerInspect app = await Client.Containers.InspectAsync((await ContainersAsync())[Project + "-app-1"].Id);
            Assert.Contains(app.Mounts!, mount => mount.Source == Path.Combine(Folder.Directory, "token.txt") && mount.Destination == "/run/secrets/token" && !mount.RW);
            Assert.Contains(app.Mounts!, mount => mount.Source == Path.Combine(Folder.Directory, "app.conf") && mount.Destination == "/etc/app.conf" && !mount.RW);
        }
        [Fact]
        public async Task A_dependency_with_condition_service_completed_successfully_is_waited_for_and_its_failure_stops_the_dependent()
        {
            string Text(int exitCode) => $@"services:
  app:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    depends_on:
      migrate:
        condition: service_completed_successfully
  migrate:
    image: ${{IMAGE}}
    command: [""sh"", ""-c"", ""sleep 1; exit {exitCode}""]
";
            string file = Folder.Write("compose.yaml", Text(0));
            await UpAsync(file);
            Dictionary<string, ContainerSummary> made = await ContainersAsync();
            ContainerInspect migrate = await Client.Containers.InspectAsync(made[Project + "-migrate-1"].Id);
            ContainerInspect app = await Client.Containers.InspectAsync(made[Project + "-app-1"].Id);
            Assert.Equal(0, migrate.State!.ExitCode);
            Assert.True(DateTimeOffset.Parse(migrate.State.FinishedAt!) <= DateTimeOffset.Parse(app.Created!));

            await new RemoveContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, new RecordingOutput(), default);
            Folder.Write("compose.yaml", Text(3));
            var output = new RecordingOutput();
            Assert.Null(await new StartContainerProjectCommand { Path = new[] { file }, Name = Project, Environment = Variables }.ExecuteAsync(Engine, output, default));
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ProjectDependencyFailed", error.ErrorId);
            Assert.Contains("exited with code 3", error.Message);
            Assert.StartsWith("Service 'app': ", error.Message);
            Assert.Equal(new[] { Project + "-migrate-1" }, (await ContainersAsync()).Keys);
        }

        [Fact]
        public async Task Scale_is_the_number_of_containers_and_a_different_deploy_replicas_beside_it_is_ComposeFileInvalid()
        {
            string file = Folder.Write("compose.yaml", TwoServices().Replace("    labels:\n      tier: front", "    labels:\n      tier: front\n    scale: 2"));
            var output = new RecordingOutput();
            await UpAsync(file, output);
            Assert.Empty(output.Warnings);
            Assert.Equal(new[] { Project + "-db-1", Project + "-web-1", Project + "-web-2" }, (await ContainersAsync()).Keys.OrderBy(name => name, StringComparer.Ordinal));

            Folder.Write("compose.yaml", TwoServices().Replace("    labels:\n      tier: front", "    labels:\n      tier: front\n    scale: 2\n    deploy:\n      replicas: 3"));
            ComposeFileException error = Assert.Throws<ComposeFileException>(() => ComposeReader.Read(new[] { file }, new ComposeReadOptions { ProjectName = Project, Environment = Variables }));
            Assert.Equal(11, error.Line);
            Assert.Contains("is 2 and deploy.replicas is 3", error.Message);
        }

        [Fact]
        public async Task A_bind_with_create_host_path_false_is_refused_when_the_path_is_missing_and_the_path_is_not_made()
        {
            string missing = Path.Combine(Folder.Directory, "missing");
            string file = Folder.Write("compose.yaml", @"services:
  app:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    volumes:
      - type: bind
        source: ./missing
        target: /data
        bind:
          create_host_path: false
");
            var output = new RecordingOutput();
            Assert.Null(await new StartContainerProjectCommand { Path = new[] { file }, Name = Project, Environment = Variables }.ExecuteAsync(Engine, output, default));
            CommandError error = Assert.Single(output.Errors);
            Assert.StartsWith("Service 'app': ", error.Message);
            Assert.Contains(missing, error.Message);
            Assert.False(Directory.Exists(missing));
            Assert.Empty(await ContainersAsync());

            // Made, the path is bound as any bind.
            Directory.CreateDirectory(missing);
            await UpAsync(file);
            ContainerInspect app = await Client.Containers.InspectAsync((await ContainersAsync())[Project + "-app-1"].Id);
            Assert.Contains(app.Mounts!, mount => mount.Type == "bind" && mount.Source == missing && mount.Destination == "/data" && mount.RW);
        }

        [Fact]
        public async Task A_dependent_with_depends_on_restart_is_restarted_when_its_dependency_is_recreated_and_others_are_left_running()
        {
            string Text(string round) => $@"services:
  app:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    depends_on:
      db:
        condition: service_started
        restart: true
  side:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    depends_on: [db]
  db:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    environment:
      ROUND: {round}
";
            string file = Folder.Write("compose.yaml", Text("one"));
            var first = new RecordingOutput();
            await UpAsync(file, first);
            Assert.Empty(first.Warnings);
            Dictionary<string, ContainerSummary> before = await ContainersAsync();
            string appStarted = (await Client.Containers.InspectAsync(before[Project + "-app-1"].Id)).State!.StartedAt!;
            string sideStarted = (await Client.Containers.InspectAsync(before[Project + "-side-1"].Id)).State!.StartedAt!;

            Folder.Write("compose.yaml", Text("two"));
            var output = new RecordingOutput();
            await UpAsync(file, output);
            Dictionary<string, ContainerSummary> after = await ContainersAsync();
            Assert.NotEqual(before[Project + "-db-1"].Id, after[Project + "-db-1"].Id);
            Assert.Equal(before[Project + "-app-1"].Id, after[Project + "-app-1"].Id);
            Assert.Contains($"Restarting the container '{Project}-app-1': the service 'db' it depends on (restart: true) was recreated.", output.Verbose);
            ContainerInspect app = await Client.Containers.InspectAsync(after[Project + "-app-1"].Id);
            Assert.Equal("running", app.State!.Status);
            Assert.NotEqual(appStarted, app.State.StartedAt);
            Assert.Equal(sideStarted, (await Client.Containers.InspectAsync(after[Project + "-side-1"].Id)).State!.StartedAt);
        }
    }
}
