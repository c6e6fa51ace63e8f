using System.Collections;
using System.Text.Json;
using Containers.Engine.Json;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Parsing;
using Xunit;

namespace Containers.Tests.Core.Parsing
{
    /// <summary>New-ContainerService's parameters as the engine's service spec, checked before the engine sees them.</summary>
    public class ServiceSpecBuilderTests
    {
        [Fact]
        public void A_task_takes_New_Containers_parameters_under_the_swarms_names()
        {
            ServiceSpec spec = ServiceSpecBuilder.Build(new ServiceOptions
            {
                Image = "registry.example.com/app:1",
                Name = "web",
                Command = new[] { "serve", "--port", "80" },
                Entrypoint = new[] { "/bin/app" },
                Environment = new Hashtable { ["A"] = "b" },
                Volume = new[] { "data:/data", "/srv/conf:/conf:ro" },
                Mount = new object[] { "type=tmpfs,target=/cache" },
                Network = new object[] { "backend" },
                Label = new Hashtable { ["tier"] = "front" },
                Constraint = new[] { "node.role==worker" },
                Limit = new Hashtable { ["Cpu"] = 0.5, ["Memory"] = "256m" },
                Reserve = new Hashtable { ["memory"] = 64L * 1024 * 1024 },
                RestartCondition = "OnFailure",
                RestartMaxAttempts = 3,
                Replicas = 4,
            });

            ContainerSpec container = spec.TaskTemplate.ContainerSpec;
            Assert.Equal(new[] { "serve", "--port", "80" }, container.Args);
            Assert.Equal(new[] { "/bin/app" }, container.Command);
            Assert.Equal(new[] { "A=b" }, container.Env);
            Assert.Equal(new[] { ("volume", "data", "/data", false), ("bind", "/srv/conf", "/conf", true), ("tmpfs", (string?)null, "/cache", false) },
                container.Mounts!.Select(m => (m.Type!, m.Source, m.Target!, m.ReadOnly)));
            Assert.Equal("backend", Assert.Single(spec.TaskTemplate.Networks!).Target);
            Assert.Equal("front", spec.Labels!["tier"]);
            Assert.Equal(new[] { "node.role==worker" }, spec.TaskTemplate.Placement!.Constraints);
            Assert.Equal(500_000_000L, spec.TaskTemplate.Resources!.Limits!.NanoCPUs);
            Assert.Equal(256L * 1024 * 1024, spec.TaskTemplate.Resources.Limits.MemoryBytes);
            Assert.Equal(64L * 1024 * 1024, spec.TaskTemplate.Resources.Reservations!.MemoryBytes);
            Assert.Equal(("on-failure", (ulong?)3), (spec.TaskTemplate.RestartPolicy!.Condition, spec.TaskTemplate.RestartPolicy.MaxAttempts));
            Assert.Equal(4UL, spec.Mode!.Replicated!.Replicas);
            Assert.Null(spec.Mode.Global);
        }

        [Theory]
        [InlineData("8080:80", null, 80u, 8080u, "tcp", "ingress")]
        [InlineData("53:53/udp", "Host", 53u, 53u, "udp", "host")]
        [InlineData("80", null, 80u, null, "tcp", "ingress")]
        [InlineData("mode=host,target=80,published=8081,protocol=sctp", null, 80u, 8081u, "sctp", "host")]
        [InlineData("target=443", "Host", 443u, null, "tcp", "host")]
        public void Ports_are_short_or_long_form_in_ingress_or_host_mode(string text, string? mode, uint target, uint? published, string protocol, string publishMode)
        {
            EndpointPortConfig port = Assert.Single(ServicePortParser.Parse(text, mode));
            Assert.Equal((target, published, protocol, publishMode), (port.TargetPort, port.PublishedPort, port.Protocol, port.PublishMode));
        }

        [Theory]
        [InlineData("127.0.0.1:8080:80", "address")]
        [InlineData("8000-8010:80", "range")]
        [InlineData("mode=mesh,target=80", "publish mode")]
        [InlineData("target=80,published=70000", "1 to 65535")]
        [InlineData("published=80", "no target")]
        [InlineData("target=80,bind=1", "'bind'")]
        [InlineData("x:y", "Port")]
        public void A_bad_port_is_InvalidPort_naming_the_problem(string text, string said)
        {
            InvalidParameterException e = Assert.Throws<InvalidParameterException>(() => ServicePortParser.Parse(text, null));
            Assert.Equal("Port", e.ParamName);
            Assert.Contains(said, e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Bad_values_are_refused_by_the_parameter_they_came_from()
        {
            Assert.Equal("Limit", Assert.Throws<InvalidParameterException>(() => Build(o => o.Limit = new Hashtable { ["Disk"] = 1 })).ParamName);
            Assert.Equal("Reserve", Assert.Throws<InvalidParameterException>(() => Build(o => o.Reserve = new Hashtable { ["Memory"] = "lots" })).ParamName);
            Assert.Equal("Cpu", Assert.Throws<InvalidParameterException>(() => Build(o => o.Limit = new Hashtable { ["Cpu"] = -1 })).ParamName);
            Assert.Equal("Replicas", Assert.Throws<InvalidParameterException>(() => Build(o => { o.Mode = ContainerServiceMode.Global; o.Replicas = 2; })).ParamName);
            Assert.Equal("RestartCondition", Assert.Throws<InvalidParameterException>(() => Build(o => o.RestartCondition = "sometimes")).ParamName);
            Assert.Equal("Image", Assert.Throws<InvalidParameterException>(() => Build(o => o.Image = "Bad Image")).ParamName);
            Assert.Equal("Secret", Assert.Throws<InvalidParameterException>(() => Build(o => o.Secret = new[] { "target=x" })).ParamName);
            Assert.Equal("Config", Assert.Throws<InvalidParameterException>(() => Build(o => o.Config = new[] { "source=c,mode=9" })).ParamName);
        }

        [Fact]
        public void Secrets_and_configs_become_files_as_docker_names_them()
        {
            ServiceSpec spec = Build(o =>
            {
                o.Secret = new[] { "db-password", "source=tls-key,target=key.pem,uid=100,gid=101,mode=0400" };
                o.Config = new[] { "app-conf", "source=nginx,target=/etc/nginx/nginx.conf" };
            });

            Assert.Equal(new[] { ("db-password", "db-password", "0", 0x124u), ("tls-key", "key.pem", "100", 0x100u) },
                spec.TaskTemplate.ContainerSpec.Secrets!.Select(s => (s.SecretName!, s.File!.Name!, s.File.UID!, s.File.Mode)));
            Assert.Equal(new[] { ("app-conf", "/app-conf"), ("nginx", "/etc/nginx/nginx.conf") },
                spec.TaskTemplate.ContainerSpec.Configs!.Select(c => (c.ConfigName!, c.File!.Name!)));
        }

        [Fact]
        public void Global_mode_and_settings_the_model_does_not_name_survive_a_read_and_write()
        {
            Assert.NotNull(Build(o => { o.Mode = ContainerServiceMode.Global; o.Replicas = null; }).Mode!.Global);

            // An update sends back what it read: a health check set by docker must not be lost on the way.
            const string read = "{\"Name\":\"web\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"a\",\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"]}},\"LogDriver\":{\"Name\":\"json-file\"}},\"Mode\":{\"Replicated\":{\"Replicas\":2}}}";
            // Written as the client sends it (what the caller did not set left out), the health check is as it was read.
            ServiceSpec spec = JsonSerializer.Deserialize<ServiceSpec>(read, EngineJson.Options)!;
            string written = JsonSerializer.Serialize(spec, EngineJson.Options);
            Assert.Contains("\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"]}", written, StringComparison.Ordinal);
            Assert.Contains("\"LogDriver\":{\"Name\":\"json-file\"}", written, StringComparison.Ordinal);
        }

        [Fact]
        public void Apply_replaces_what_is_given_clears_what_is_empty_and_leaves_the_rest()
        {
            const string read = "{\"Name\":\"web\",\"Labels\":{\"com.docker.stack.namespace\":\"shop\",\"tier\":\"front\"},"
                + "\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"a\",\"Args\":[\"run\"],\"Env\":[\"A=1\"],\"User\":\"app\",\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"]}},"
                + "\"RestartPolicy\":{\"Condition\":\"any\",\"Delay\":5000000000,\"MaxAttempts\":2},\"Placement\":{\"Constraints\":[\"node.role==worker\"],\"Preferences\":[{\"Spread\":{\"SpreadDescriptor\":\"node.labels.zone\"}}]}},"
                + "\"EndpointSpec\":{\"Mode\":\"dnsrr\",\"Ports\":[{\"TargetPort\":80,\"PublishedPort\":8080}]}}";
            ServiceSpec spec = JsonSerializer.Deserialize<ServiceSpec>(read)!;

            ServiceSpecBuilder.Apply(new ServiceTaskOptions
            {
                Environment = new Hashtable { ["B"] = "2" },
                Label = new Hashtable(),
                RestartCondition = "None",
                Constraint = Array.Empty<string>(),
                Port = new[] { "9090:90" },
                PublishMode = "host",
                User = string.Empty,
            }, spec);

            ContainerSpec container = spec.TaskTemplate.ContainerSpec;
            Assert.Equal(new[] { "B=2" }, container.Env);
            Assert.Null(container.User);
            Assert.Equal(new[] { "run" }, container.Args);
            Assert.Equal(new Dictionary<string, string> { ["com.docker.stack.namespace"] = "shop" }, spec.Labels);
            Assert.Equal("none", spec.TaskTemplate.RestartPolicy!.Condition);
            Assert.Equal(2UL, spec.TaskTemplate.RestartPolicy.MaxAttempts);
            Assert.Equal(5_000_000_000L, spec.TaskTemplate.RestartPolicy.Delay);
            Assert.Null(spec.TaskTemplate.Placement!.Constraints);
            Assert.Equal("dnsrr", spec.EndpointSpec!.Mode);
            EndpointPortConfig port = Assert.Single(spec.EndpointSpec.Ports!);
            Assert.Equal((90U, 9090U, "host"), (port.TargetPort, port.PublishedPort!.Value, port.PublishMode));
            string written = JsonSerializer.Serialize(spec);
            Assert.Contains("\"Healthcheck\"", written, StringComparison.Ordinal);
            Assert.Contains("\"Preferences\"", written, StringComparison.Ordinal);

            // A bad value leaves the spec as it was.
            Assert.Throws<InvalidParameterException>(() => ServiceSpecBuilder.Apply(new ServiceTaskOptions { Environment = new Hashtable { ["C"] = "3" }, Limit = new Hashtable { ["Disk"] = 1 } }, spec));
            Assert.Equal(new[] { "B=2" }, spec.TaskTemplate.ContainerSpec.Env);
        }

        private static ServiceSpec Build(Action<ServiceOptions> change)
        {
            var options = new ServiceOptions { Image = "busybox:1", Replicas = 1 };
            change(options);
            return ServiceSpecBuilder.Build(options);
        }
    }
}
