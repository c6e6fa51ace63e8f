using Containers.Commands.Projects;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Projects
{
    /// <summary>Every key a service sets that a project on one engine does not apply is a warning naming it and the service, never dropped in silence.</summary>
    public class ProjectUnappliedKeysTests : ProjectCommandTest
    {
        [Fact]
        public async Task Each_key_passed_over_is_a_warning_naming_the_key_and_the_service_and_applied_keys_are_not()
        {
            Folder.Write("token.txt", "s3cret");
            string file = Folder.Write("compose.yaml", @"services:
  app:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
    stop_grace_period: 5s
    pull_policy: missing
    x-team: payments
    sysctls:
      net.core.somaxconn: 1024
    logging:
      driver: json-file
    platform: linux/amd64
    healthcheck:
      test: [""CMD"", ""true""]
      start_interval: 1s
    deploy:
      replicas: 1
      resources:
        limits:
          memory: 64M
        reservations:
          memory: 32M
      placement:
        constraints: [node.role == manager]
    secrets:
      - source: token
        mode: 0400
    depends_on:
      db:
        condition: service_started
        restart: true
  db:
    image: ${IMAGE}
    command: [""sleep"", ""300""]
    stop_signal: SIGKILL
  worker:
    build:
      context: .
      target: base
      cache_from: [""localhost/cache:1""]
    networks:
      front:
        aliases: [jobs]
        priority: 10
networks:
  front: {}
secrets:
  token:
    file: ./token.txt
");
            var output = new RecordingOutput { Approve = false };
            Assert.Null(await new StartContainerProjectCommand { Path = new[] { file }, Name = Project, Environment = Variables }.ExecuteAsync(Engine, output, default));

            string Warning(string key) => $"The service 'app' sets {key}, which Start-ContainerProject does not apply: it is passed over.";
            Assert.Equal(
                new[]
                {
                    Warning("sysctls"),
                    Warning("logging"),
                    Warning("platform"),
                    Warning("healthcheck.start_interval"),
                    Warning("deploy.resources.reservations"),
                    Warning("deploy.placement"),
                    Warning("secrets: 'token' uid, gid and mode (a file is mounted as it is)"),
                    "The service 'worker' sets build.cache_from, which Start-ContainerProject does not apply: it is passed over.",
                    "The service 'worker' sets networks.front.priority, which Start-ContainerProject does not apply: it is passed over.",
                },
                output.Warnings);
            Assert.Empty(await ContainersAsync());
        }
    }
}
