using Containers.Compose;
using Containers.Tests.Metadata;
using Xunit;

namespace Containers.Tests.Compose
{
    /// <summary>The Compose Specification's own examples (Examples/, README there says where each comes from), read as the spec says they read.</summary>
    public class SpecificationExampleTests
    {
        private static readonly string Examples = Path.Combine(CmdletMetadata.SettingOf("RepositoryRoot"), "tests", "Containers.Tests", "Compose", "Examples");

        private static ComposeProject Read(IReadOnlyList<string>? profiles = null, params string[] files) =>
            ComposeReader.Read(files.Select(file => Path.Combine(Examples, file)).ToList(), new ComposeReadOptions
            {
                Environment = new Dictionary<string, string>(),
                Profiles = profiles,
                ProjectName = "example",
            });

        [Fact]
        public void The_illustrative_example_has_two_services_a_secret_a_config_a_volume_and_two_networks()
        {
            ComposeProject project = Read(null, "illustrative-example.yml");
            Assert.Equal(new[] { "frontend", "backend" }, project.Services.Keys);
            ComposeService frontend = project.Services["frontend"];
            Assert.Equal("example/webapp", frontend.Image);
            Assert.Equal((8043, "443"), (frontend.Ports.Single().Target, frontend.Ports.Single().Published));
            Assert.Equal(new[] { "front-tier", "back-tier" }, frontend.Networks.Keys);
            Assert.Equal("httpd-config", frontend.Configs.Single().Source);
            Assert.Equal("server-certificate", frontend.Secrets.Single().Source);

            ComposeMount data = project.Services["backend"].Volumes.Single();
            Assert.Equal(("volume", "db-data", "/etc/data"), (data.Type, data.Source!, data.Target));
            Assert.Equal(("flocker", "10GiB", "example_db-data"), (project.Volumes["db-data"].Driver!, project.Volumes["db-data"].DriverOptions["size"], project.Volumes["db-data"].Name));
            Assert.True(project.Configs["httpd-config"].External);
            Assert.Equal("httpd-config", project.Configs["httpd-config"].Name);
            Assert.True(project.Secrets["server-certificate"].External);
            Assert.Equal(new[] { "front-tier", "back-tier" }, project.Networks.Keys);
            Assert.Equal("example_back-tier", project.Networks["back-tier"].Name);
        }

        [Fact]
        public void The_profiles_example_enables_what_the_spec_lists()
        {
            Assert.Equal(new[] { "foo" }, Read(null, "profiles.yml").Services.Keys);
            Assert.Equal(new[] { "foo", "bar", "baz" }, Read(new[] { "test" }, "profiles.yml").Services.Keys);
            Assert.Equal(new[] { "foo", "bar", "baz", "zot" }, Read(new[] { "debug", "test" }, "profiles.yml").Services.Keys);
            // "the model is invalid regarding the depends_on constraint of zot"
            var error = Assert.Throws<ComposeFileException>(() => Read(new[] { "debug" }, "profiles.yml"));
            Assert.Contains("'zot' depends on 'bar'", error.Reason);
            Assert.Equal("services.zot.depends_on[0]", error.Key);
        }

        [Fact]
        public void The_depends_on_long_syntax_example()
        {
            ComposeService web = Read(null, "depends-on-long-syntax.yml").Services["web"];
            Assert.Equal(Examples, web.Build!.Context);
            Assert.Equal(("service_healthy", true), (web.DependsOn["db"].Condition, web.DependsOn["db"].Restart));
            Assert.Equal(("service_started", false), (web.DependsOn["redis"].Condition, web.DependsOn["redis"].Restart));
        }

        [Fact]
        public void The_network_aliases_example()
        {
            ComposeProject project = Read(null, "network-aliases.yml");
            Assert.Equal(new[] { "database" }, project.Services["backend"].Networks["back-tier"].Aliases);
            Assert.Equal(new[] { "mysql" }, project.Services["backend"].Networks["admin"].Aliases);
            Assert.Equal(new[] { "admin" }, project.Services["monitoring"].Networks.Keys);
        }

        [Fact]
        public void The_secrets_long_syntax_example_reads_mode_0o440_as_octal()
        {
            ComposeFileReference secret = Read(null, "secrets-long-syntax.yml").Services["frontend"].Secrets.Single();
            Assert.Equal(("server-certificate", "server.cert", "103", "103", 288), (secret.Source, secret.Target!, secret.Uid!, secret.Gid!, secret.Mode!.Value));
        }

        [Fact]
        public void The_deploy_resources_example()
        {
            ComposeDeploy deploy = Read(null, "deploy-resources.yml").Services["frontend"].Deploy!;
            Assert.Equal((0.5, 50L * 1024 * 1024, 1L), (deploy.Limits!.Cpus!.Value, deploy.Limits.MemoryBytes!.Value, deploy.Limits.Pids!.Value));
            Assert.Equal((0.25, 20L * 1024 * 1024), (deploy.Reservations!.Cpus!.Value, deploy.Reservations.MemoryBytes!.Value));
        }

        [Fact]
        public void The_short_port_examples_each_expand_to_their_ports()
        {
            IReadOnlyList<ComposePort> ports = Read(null, "ports-short-syntax.yml").Services["app"].Ports;
            Assert.Equal(
                new[]
                {
                    "3000/tcp", "3000/tcp", "3001/tcp", "3002/tcp", "3003/tcp", "3004/tcp", "3005/tcp", "8000:8000/tcp", "9090:8080/tcp", "9091:8081/tcp",
                    "49100:22/tcp", "8000-9000:80/tcp", "127.0.0.1:8001:8001/tcp",
                }.Concat(Enumerable.Range(5000, 11).Select(port => $"127.0.0.1:{port}:{port}/tcp"))
                .Concat(new[] { "::1:6000:6000/tcp", "::1:6001:6001/tcp", "6060:6060/udp" }),
                ports.Select(port => port.ToString()));
        }

        [Fact]
        public void The_long_port_example()
        {
            IReadOnlyList<ComposePort> ports = Read(null, "ports-long-syntax.yml").Services["app"].Ports;
            Assert.Equal(new[] { (80, "8080", "127.0.0.1", "tcp", "host"), (443, "8083-9000", "127.0.0.1", "tcp", "host") },
                ports.Select(port => (port.Target, port.Published!, port.HostIp!, port.Protocol, port.Mode)));
        }

        [Fact]
        public void The_interpolation_example_keeps_a_literal_dollar()
        {
            Assert.Equal(new[] { "$VAR_NOT_INTERPOLATED_BY_COMPOSE" }, Read(null, "interpolation-dollar.yml").Services["web"].Command);
        }

        [Fact]
        public void The_merge_examples_give_the_results_the_spec_shows()
        {
            ComposeMount volume = Read(null, "merge-volumes.yml", "merge-volumes.override.yml").Services["foo"].Volumes.Single();
            Assert.Equal(("bar", "/work"), (volume.Source!, volume.Target));
            Assert.Equal(new[] { "echo", "bar" }, Read(null, "merge-command.yml", "merge-command.override.yml").Services["foo"].Command);

            ComposeService app = Read(null, "merge-reset.yml", "merge-reset.override.yml").Services["app"];
            Assert.Equal("myapp", app.Image);
            Assert.Empty(app.Ports);
            Assert.Empty(app.Environment);
        }
    }
}
