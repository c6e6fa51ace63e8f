using Containers.Commands.Stacks;
using Containers.Compose;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Text;
using Xunit;

namespace Containers.Tests.Core.Commands.Stacks
{
    /// <summary>The translation of a compose project into a stack's swarm objects, without an engine.</summary>
    public sealed class StackTranslationTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("cts-stack-translation-").FullName;

        [Fact]
        public void Deploy_settings_become_the_service_spec_docker_stack_deploy_sends()
        {
            StackPlan plan = Translate("Shop", @"
services:
  api:
    image: localhost/containers-test/busybox:latest
    entrypoint: [""/bin/sh"", ""-c""]
    command: [""exec sleep 3600""]
    user: ""1000""
    working_dir: /srv
    hostname: api-host
    restart: on-failure:3
    ports:
      - target: 80
        published: 8080
        mode: host
    volumes:
      - data:/data:ro
      - type: tmpfs
        target: /cache
    deploy:
      mode: global
      placement:
        constraints: [""node.role == manager""]
      resources:
        limits: {cpus: '0.5', memory: 64M}
        reservations: {memory: 32M}
      update_config:
        parallelism: 2
        delay: 10s
        order: start-first
      endpoint_mode: dnsrr
volumes:
  data: {}
networks:
  outside:
    external: true
    name: shared-overlay
");
            ServiceSpec spec = Assert.Single(plan.Services).Spec;
            Assert.Equal("Shop_api", spec.Name);
            Assert.NotNull(spec.Mode!.Global);
            ContainerSpec container = spec.TaskTemplate.ContainerSpec;
            Assert.Equal(new[] { "/bin/sh", "-c" }, container.Command);
            Assert.Equal(new[] { "exec sleep 3600" }, container.Args);
            Assert.Equal(("1000", "/srv", "api-host"), (container.User, container.Dir, container.Hostname));
            Assert.Equal(("on-failure", (ulong?)3), (spec.TaskTemplate.RestartPolicy!.Condition, spec.TaskTemplate.RestartPolicy.MaxAttempts));
            EndpointPortConfig port = Assert.Single(spec.EndpointSpec!.Ports!);
            Assert.Equal((80u, (uint?)8080u, "host"), (port.TargetPort, port.PublishedPort, port.PublishMode));
            Assert.Equal("dnsrr", spec.EndpointSpec.Mode);
            Mount data = container.Mounts![0];
            Assert.Equal(("volume", "Shop_data", true), (data.Type, data.Source, data.ReadOnly));
            Assert.Equal("Shop", data.VolumeOptions!.Labels![ContainerStackLabels.Namespace]);
            Assert.Equal("tmpfs", container.Mounts[1].Type);
            Assert.Equal(new[] { "node.role == manager" }, spec.TaskTemplate.Placement!.Constraints);
            Assert.Equal((500_000_000L, 64L * 1024 * 1024), (spec.TaskTemplate.Resources!.Limits!.NanoCPUs, spec.TaskTemplate.Resources.Limits.MemoryBytes));
            Assert.Equal(32L * 1024 * 1024, spec.TaskTemplate.Resources.Reservations!.MemoryBytes);
            Assert.Equal((2UL, 10_000_000_000L, "start-first"), (spec.UpdateConfig!.Parallelism, spec.UpdateConfig.Delay, spec.UpdateConfig.Order));

            // The default network only: the external one is declared but no service uses it.
            StackObject<NetworkCreateRequest> network = Assert.Single(plan.Networks);
            Assert.Equal(("Shop_default", "overlay", false), (network.Name, network.Create!.Driver, network.Create.Attachable));
            Assert.Equal("Shop", network.Create.Labels![ContainerStackLabels.Namespace]);
            Assert.Empty(plan.Warnings);
        }

        [Fact]
        public void An_external_network_is_used_by_its_name_and_not_made()
        {
            StackPlan plan = Translate("shop", @"
services:
  web:
    image: localhost/containers-test/busybox:latest
    networks: [outside]
networks:
  outside:
    external: true
    name: shared-overlay
");
            StackObject<NetworkCreateRequest> network = Assert.Single(plan.Networks);
            Assert.True(network.External);
            Assert.Equal("shared-overlay", network.Name);
            Assert.Equal("shared-overlay", Assert.Single(Assert.Single(plan.Services).Spec.TaskTemplate.Networks!).Target);
        }

        [Fact]
        public void A_key_the_translation_does_not_apply_is_a_warning_naming_it_and_the_service_even_one_the_reader_passes_over()
        {
            StackPlan plan = Translate("shop", @"
services:
  web:
    image: localhost/containers-test/busybox:latest
    container_name: fixed
    privileged: true
    cap_add: [NET_ADMIN]
    depends_on: [db]
    logging:
      driver: none
  db:
    image: localhost/containers-test/busybox:latest
");
            Assert.Equal(new[] { "container_name", "privileged", "cap_add", "depends_on", "logging" },
                plan.Warnings.Select(warning => warning.Substring(warning.LastIndexOf(' ') + 1)));
            Assert.All(plan.Warnings, warning => Assert.Contains("'web'", warning));
        }

        [Fact]
        public void A_bad_duration_is_a_file_error_naming_its_key()
        {
            ComposeFileException error = Assert.Throws<ComposeFileException>(() => Translate("shop", @"
services:
  web:
    image: localhost/containers-test/busybox:latest
    deploy:
      update_config:
        delay: soon
"));
            Assert.Equal("services.web.deploy.update_config.delay", error.Key);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private StackPlan Translate(string stack, string yaml)
        {
            string file = Path.Combine(_folder, "compose.yml");
            File.WriteAllText(file, yaml);
            ComposeProject project = ComposeReader.Read(new[] { file }, new ComposeReadOptions { ProjectName = stack, Environment = new Dictionary<string, string>() });
            return StackTranslation.Translate(stack, project, new Dictionary<string, string>());
        }
    }
}
