using Containers.Compose;
using Xunit;

namespace Containers.Tests.Compose
{
    /// <summary>Each short and long syntax of a service, expanded into the model.</summary>
    public sealed class ServiceSyntaxTests : IDisposable
    {
        private readonly ComposeFolder _folder = new ComposeFolder();

        public void Dispose() => _folder.Dispose();

        private ComposeService Service(string body, IReadOnlyDictionary<string, string>? environment = null, string tail = "") =>
            _folder.Read("services:\n  app:\n    image: busybox\n" + body + tail, environment).Services["app"];

        [Fact]
        public void A_string_command_is_split_into_words_as_a_shell_would_and_a_list_is_kept()
        {
            Assert.Equal(new[] { "sh", "-c", "echo \"hi there\" $HOME" }, Service("    command: sh -c 'echo \"hi there\" $$HOME'\n").Command);
            Assert.Equal(new[] { "echo", "a b", "cd", "e\"f" }, Service(@"    command: echo ""a b"" c\d ""e\""f""" + "\n").Command);
            Assert.Equal(new[] { "nginx", "-g", "daemon off;" }, Service("    command: [\"nginx\", \"-g\", \"daemon off;\"]\n").Command);
            Assert.Equal(new[] { "/bin/entry", "--flag" }, Service("    entrypoint: /bin/entry --flag\n").Entrypoint);
            Assert.Empty(Service("    entrypoint: []\n").Entrypoint!);
            Assert.Null(Service(string.Empty).Command);
        }

        [Fact]
        public void An_unclosed_quote_in_a_command_is_an_error()
        {
            var error = Assert.Throws<ComposeFileException>(() => Service("    command: echo 'unclosed\n"));
            Assert.Equal("services.app.command", error.Key);
            Assert.Contains("never closed", error.Reason);
        }

        [Fact]
        public void Environment_as_map_or_list_with_values_taken_from_the_environment_or_left_unset()
        {
            var environment = new Dictionary<string, string> { ["FROM_HOST"] = "host-value" };
            ComposeService map = Service("    environment:\n      A: 1\n      B: 'two words'\n      FROM_HOST:\n      NOT_SET:\n      T: true\n", environment);
            Assert.Equal("1", map.Environment["A"]);
            Assert.Equal("two words", map.Environment["B"]);
            Assert.Equal("host-value", map.Environment["FROM_HOST"]);
            Assert.True(map.Environment.ContainsKey("NOT_SET"));
            Assert.Null(map.Environment["NOT_SET"]);
            Assert.Equal("true", map.Environment["T"]);

            ComposeService list = Service("    environment:\n      - A=1=2\n      - FROM_HOST\n      - EMPTY=\n", environment);
            Assert.Equal("1=2", list.Environment["A"]);
            Assert.Equal("host-value", list.Environment["FROM_HOST"]);
            Assert.Equal(string.Empty, list.Environment["EMPTY"]);
        }

        [Fact]
        public void Env_files_are_read_relative_to_the_file_that_names_them_and_environment_wins()
        {
            _folder.Write("config/app.env", "A=from-file\nB=from-file\n# comment\nexport C=\"line\\nbreak\"\nD\n");
            _folder.Write("config/more.env", "B=second-file\n");
            string file = _folder.Write("config/compose.yaml",
                "services:\n  app:\n    image: busybox\n    env_file:\n      - app.env\n      - path: more.env\n      - path: absent.env\n        required: false\n    environment:\n      A: from-environment\n");
            ComposeService app = ComposeReader.Read(new[] { file }, new ComposeReadOptions { Environment = new Dictionary<string, string> { ["D"] = "host" } }).Services["app"];

            Assert.Equal("from-environment", app.Environment["A"]);
            Assert.Equal("second-file", app.Environment["B"]);
            Assert.Equal("line\nbreak", app.Environment["C"]);
            Assert.Equal("host", app.Environment["D"]);
            Assert.Equal(Path.Combine(_folder.Directory, "config", "app.env"), app.EnvFiles[0]);
        }

        [Fact]
        public void A_missing_env_file_is_an_error_naming_it()
        {
            var error = Assert.Throws<ComposeFileException>(() => Service("    env_file: missing.env\n"));
            Assert.Contains(Path.Combine(_folder.Directory, "missing.env"), error.Reason);
            Assert.Contains("does not exist", error.Reason);
            Assert.Equal("services.app.env_file", error.Key);
            Assert.Equal(4, error.Line);
        }

        [Fact]
        public void Short_port_syntax_gives_one_port_per_container_port()
        {
            ComposeService app = Service("    ports:\n      - \"8080:80\"\n      - \"127.0.0.1:5353:53/udp\"\n      - \"9000-9001:7000-7001\"\n      - 3000\n      - \"8000-8010:80\"\n      - \"::1:6000:6000\"\n");
            Assert.Equal(new[] { "8080:80/tcp", "127.0.0.1:5353:53/udp", "9000:7000/tcp", "9001:7001/tcp", "3000/tcp", "8000-8010:80/tcp", "::1:6000:6000/tcp" },
                app.Ports.Select(port => port.ToString()));
            Assert.All(app.Ports, port => Assert.Equal("ingress", port.Mode));
            ComposePort udp = app.Ports[1];
            Assert.Equal(53, udp.Target);
            Assert.Equal("5353", udp.Published);
            Assert.Equal("udp", udp.Protocol);
            Assert.Equal("127.0.0.1", udp.HostIp);
            Assert.Null(app.Ports[4].Published);
        }

        [Fact]
        public void Long_port_syntax_is_read_and_checked()
        {
            ComposePort port = Service("    ports:\n      - target: 80\n        published: 8080\n        protocol: UDP\n        mode: host\n        host_ip: 10.0.0.1\n").Ports.Single();
            Assert.Equal(80, port.Target);
            Assert.Equal("8080", port.Published);
            Assert.Equal("udp", port.Protocol);
            Assert.Equal("host", port.Mode);
            Assert.Equal("10.0.0.1", port.HostIp);

            var error = Assert.Throws<ComposeFileException>(() => Service("    ports:\n      - published: 8080\n"));
            Assert.Contains("needs 'target'", error.Reason);
            Assert.Equal("services.app.ports[0]", error.Key);
            error = Assert.Throws<ComposeFileException>(() => Service("    ports:\n      - \"8080:99999\"\n"));
            Assert.Contains("'99999' is not a valid container port", error.Reason);
            Assert.Equal(5, error.Line);
        }

        [Fact]
        public void Short_volume_syntax_tells_volumes_binds_and_anonymous_volumes_apart_and_resolves_relative_paths()
        {
            ComposeService app = Service(
                "    volumes:\n      - data:/var/lib/data\n      - ./src:/src:ro\n      - /etc/hosts:/etc/hosts:ro,z\n      - /cache\n      - ../shared:/shared\n",
                tail: "volumes:\n  data: {}\n");
            Assert.Equal(new[] { "volume", "bind", "bind", "volume", "bind" }, app.Volumes.Select(mount => mount.Type));
            Assert.Equal("data", app.Volumes[0].Source);
            Assert.Equal(Path.Combine(_folder.Directory, "src"), app.Volumes[1].Source);
            Assert.True(app.Volumes[1].ReadOnly);
            Assert.False(app.Volumes[0].ReadOnly);
            Assert.Equal(new[] { "z" }, app.Volumes[2].Options);
            Assert.Null(app.Volumes[3].Source);
            Assert.Equal("/cache", app.Volumes[3].Target);
            Assert.Equal(Path.Combine(_folder.Root, "shared"), app.Volumes[4].Source);
        }

        [Fact]
        public void Long_volume_syntax_is_read()
        {
            ComposeService app = Service(
                "    volumes:\n      - type: bind\n        source: ./conf\n        target: /etc/app\n        read_only: true\n        bind:\n          propagation: rshared\n      - type: tmpfs\n        target: /tmp\n        tmpfs:\n          size: 64m\n      - type: volume\n        source: data\n        target: /data\n        volume:\n          nocopy: true\n",
                tail: "volumes:\n  data:\n");
            ComposeMount bind = app.Volumes[0];
            Assert.Equal(("bind", Path.Combine(_folder.Directory, "conf"), "/etc/app", true, "rshared"), (bind.Type, bind.Source, bind.Target, bind.ReadOnly, bind.BindPropagation));
            Assert.Equal(64L * 1024 * 1024, app.Volumes[1].TmpfsSize);
            Assert.Equal(true, app.Volumes[2].VolumeNoCopy);
        }

        [Fact]
        public void Networks_as_list_or_map_with_aliases_and_the_default_network_when_none_is_named()
        {
            ComposeProject project = _folder.Read(
                "services:\n  a:\n    image: busybox\n    networks: [front]\n  b:\n    image: busybox\n    networks:\n      front:\n        aliases: [api, api2]\n        ipv4_address: 10.5.0.5\n      back:\n  c:\n    image: busybox\n  d:\n    image: busybox\n    network_mode: host\nnetworks:\n  front: {}\n  back:\n    external: true\n");
            Assert.Equal(new[] { "front" }, project.Services["a"].Networks.Keys);
            Assert.Equal(new[] { "api", "api2" }, project.Services["b"].Networks["front"].Aliases);
            Assert.Equal("10.5.0.5", project.Services["b"].Networks["front"].Ipv4Address);
            Assert.Empty(project.Services["b"].Networks["back"].Aliases);
            Assert.Equal(new[] { "default" }, project.Services["c"].Networks.Keys);
            Assert.Empty(project.Services["d"].Networks);
            Assert.Equal("host", project.Services["d"].NetworkMode);
            Assert.Equal("proj_default", project.Networks["default"].Name);
            Assert.Equal("proj_front", project.Networks["front"].Name);
            Assert.Equal("back", project.Networks["back"].Name);
            Assert.True(project.Networks["back"].External);
        }

        [Fact]
        public void Depends_on_as_list_or_map_with_conditions()
        {
            ComposeProject project = _folder.Read(
                "services:\n  web:\n    image: busybox\n    depends_on:\n      db:\n        condition: service_healthy\n        restart: true\n      cache:\n  api:\n    image: busybox\n    depends_on: [db]\n  db:\n    image: busybox\n  cache:\n    image: busybox\n");
            ComposeService web = project.Services["web"];
            Assert.Equal("service_healthy", web.DependsOn["db"].Condition);
            Assert.True(web.DependsOn["db"].Restart);
            Assert.Equal("service_started", web.DependsOn["cache"].Condition);
            Assert.True(web.DependsOn["cache"].Required);
            Assert.Equal("service_started", project.Services["api"].DependsOn["db"].Condition);
        }

        [Fact]
        public void Labels_as_list_or_map()
        {
            Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = string.Empty, ["c.d"] = "x=y" }, Service("    labels: [a=1, b, c.d=x=y]\n").Labels);
            Assert.Equal(new Dictionary<string, string> { ["com.example"] = "yes", ["n"] = "2" }, Service("    labels:\n      com.example: 'yes'\n      n: 2\n").Labels);
        }

        [Fact]
        public void Deploy_is_read_with_sizes_and_cpus()
        {
            ComposeDeploy deploy = Service(
                "    deploy:\n      mode: replicated\n      replicas: 3\n      resources:\n        limits: {cpus: '0.5', memory: 512M}\n        reservations: {cpus: 0.25, memory: 1gb}\n      restart_policy:\n        condition: on-failure\n        delay: 5s\n        max_attempts: 3\n      placement:\n        constraints: [node.role == manager]\n        preferences:\n          - spread: node.labels.zone\n      update_config:\n        parallelism: 2\n        delay: 10s\n        failure_action: rollback\n        order: start-first\n      labels: [tier=web]\n").Deploy!;
            Assert.Equal("replicated", deploy.Mode);
            Assert.Equal(3, deploy.Replicas);
            Assert.Equal(0.5, deploy.Limits!.Cpus);
            Assert.Equal(512L * 1024 * 1024, deploy.Limits.MemoryBytes);
            Assert.Equal(0.25, deploy.Reservations!.Cpus);
            Assert.Equal(1024L * 1024 * 1024, deploy.Reservations.MemoryBytes);
            Assert.Equal(("on-failure", "5s", 3), (deploy.RestartPolicy!.Condition, deploy.RestartPolicy.Delay, deploy.RestartPolicy.MaxAttempts));
            Assert.Equal(new[] { "node.role == manager" }, deploy.PlacementConstraints);
            Assert.Equal(new[] { "node.labels.zone" }, deploy.PlacementPreferences);
            Assert.Equal((2, "10s", "rollback", "start-first"), (deploy.UpdateConfig!.Parallelism, deploy.UpdateConfig.Delay, deploy.UpdateConfig.FailureAction, deploy.UpdateConfig.Order));
            Assert.Equal("web", deploy.Labels["tier"]);
            Assert.Equal("global", Service("    deploy: {mode: global}\n").Deploy!.Mode);
        }

        [Fact]
        public void Plain_settings_secrets_configs_healthcheck_and_build_are_read()
        {
            _folder.Write("web/Dockerfile.dev", "FROM busybox\n");
            ComposeProject project = _folder.Read(
                "services:\n  app:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.dev\n      args: [VERSION=1.2, FROM_ENV]\n      target: final\n    restart: on-failure:3\n    user: '1000:1000'\n    working_dir: /srv\n    hostname: app1\n    profiles: [debug]\n    secrets:\n      - token\n      - source: cert\n        target: /etc/cert.pem\n        mode: 0440\n        uid: '103'\n    configs: [settings]\n    healthcheck:\n      test: curl -f http://localhost\n      interval: 30s\n      retries: 3\n  short:\n    build: .\n    healthcheck:\n      test: [\"CMD\", \"true\"]\nsecrets:\n  token:\n    file: ./token.txt\n  cert:\n    environment: CERT\nconfigs:\n  settings:\n    content: 'a=1'\n",
                profiles: new[] { "debug" });
            ComposeService app = project.Services["app"];
            Assert.Null(app.Image);
            Assert.Equal(Path.Combine(_folder.Directory, "web"), app.Build!.Context);
            Assert.Equal("Dockerfile.dev", app.Build.Dockerfile);
            Assert.Equal("1.2", app.Build.Args["VERSION"]);
            Assert.Null(app.Build.Args["FROM_ENV"]);
            Assert.Equal("host", _folder.Read("services:\n  app:\n    build:\n      args: [FROM_ENV]\n", new Dictionary<string, string> { ["FROM_ENV"] = "host" }).Services["app"].Build!.Args["FROM_ENV"]);
            Assert.Equal("final", app.Build.Target);
            Assert.Equal(("on-failure:3", "1000:1000", "/srv", "app1"), (app.Restart, app.User, app.WorkingDir, app.Hostname));
            Assert.Equal(new[] { "debug" }, app.Profiles);
            Assert.Equal("token", app.Secrets[0].Source);
            Assert.Null(app.Secrets[0].Target);
            Assert.Equal(("cert", "/etc/cert.pem", 288, "103"), (app.Secrets[1].Source, app.Secrets[1].Target, app.Secrets[1].Mode!.Value, app.Secrets[1].Uid));
            Assert.Equal("settings", app.Configs.Single().Source);
            Assert.Equal(new[] { "CMD-SHELL", "curl -f http://localhost" }, app.Healthcheck!.Test);
            Assert.Equal(("30s", 3), (app.Healthcheck.Interval, app.Healthcheck.Retries));
            Assert.Equal(new[] { "CMD", "true" }, project.Services["short"].Healthcheck!.Test);
            Assert.Equal(_folder.Directory, project.Services["short"].Build!.Context);
            Assert.Equal(Path.Combine(_folder.Directory, "token.txt"), project.Secrets["token"].File);
            Assert.Equal("proj_token", project.Secrets["token"].Name);
            Assert.Equal("CERT", project.Secrets["cert"].Environment);
            Assert.Equal("a=1", project.Configs["settings"].Content);
        }

        [Fact]
        public void Anchors_and_merge_keys_are_resolved()
        {
            ComposeProject project = _folder.Read(
                "x-common: &common\n  image: busybox\n  environment:\n    LEVEL: info\nservices:\n  a:\n    <<: *common\n    hostname: a\n  b:\n    <<: *common\n    image: other\n");
            Assert.Equal(("busybox", "info", "a"), (project.Services["a"].Image, project.Services["a"].Environment["LEVEL"], project.Services["a"].Hostname));
            Assert.Equal("other", project.Services["b"].Image);
        }
    }
}
