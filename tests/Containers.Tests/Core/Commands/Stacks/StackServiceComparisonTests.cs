using System.Text.Json;
using Containers.Commands.Stacks;
using Containers.Engine.Models;
using Xunit;

namespace Containers.Tests.Core.Commands.Stacks
{
    /// <summary>The comparison that decides whether a redeploy updates a service, without an engine.</summary>
    public sealed class StackServiceComparisonTests
    {
        [Fact]
        public void Unset_values_the_engine_defaults_and_the_environment_order_do_not_count()
        {
            ServiceSpec wanted = Spec("A=1", "B=2");
            wanted.Labels = new Dictionary<string, string>();
            wanted.TaskTemplate.ContainerSpec.Secrets = new List<SecretReference>();
            ServiceSpec current = Spec("B=2", "A=1");
            current.EndpointSpec = new EndpointSpec { Mode = "vip" };
            current.TaskTemplate.Resources = new TaskResources { Limits = new ResourceAmounts(), Reservations = new ResourceAmounts() };
            current.TaskTemplate.Extra = new Dictionary<string, JsonElement> { ["Runtime"] = JsonSerializer.SerializeToElement("container") };
            current.TaskTemplate.ContainerSpec.Extra = new Dictionary<string, JsonElement> { ["Isolation"] = JsonSerializer.SerializeToElement("default") };

            Assert.Empty(StackServiceComparison.Differences(wanted, current));
        }

        [Fact]
        public void A_changed_value_is_named_by_its_path()
        {
            ServiceSpec current = Spec("A=1");
            current.TaskTemplate.ContainerSpec.Healthcheck = new HealthConfig { Test = new List<string> { "CMD", "true" } };
            Assert.Equal(new[] { "TaskTemplate.ContainerSpec.Env", "TaskTemplate.ContainerSpec.Healthcheck" }, StackServiceComparison.Differences(Spec("A=2"), current));
        }

        private static ServiceSpec Spec(params string[] environment) => new ServiceSpec
        {
            Name = "shop_web",
            TaskTemplate = new TaskSpec { ContainerSpec = new ContainerSpec { Image = "localhost/web:1", Env = environment.ToList() } },
            Mode = new ServiceMode { Replicated = new ReplicatedService { Replicas = 1 } },
        };
    }
}
