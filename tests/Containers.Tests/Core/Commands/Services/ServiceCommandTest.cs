using System.Collections.Concurrent;
using Containers.Commands.Services;
using Containers.Engine.Errors;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Services
{
    /// <summary>
    /// A base for tests of the service commands on the shared single-node swarm (<see cref="SwarmEngine"/>): services
    /// it makes are named with a prefix of the test's own and removed after it.
    /// </summary>
    [RequiresEngine]
    public abstract class ServiceCommandTest : IAsyncLifetime
    {
        private readonly ConcurrentBag<string> _services = new ConcurrentBag<string>();

        protected SwarmEngine Swarm { get; private set; } = null!;

        protected ContainerEngine Engine { get; private set; } = null!;

        /// <summary>A name no other test uses, removed after the test if a service takes it.</summary>
        protected string NewName(string prefix = "svc")
        {
            string name = PrivateEngine.UniqueName("cts-" + prefix);
            _services.Add(name);
            return name;
        }

        /// <summary>Options for a service of the test image that stays up (sleeps), not resolved at a registry.</summary>
        protected ServiceOptions Sleeper(string name, ulong replicas) => new ServiceOptions
        {
            Image = Swarm.Image,
            Name = name,
            Replicas = replicas,
            Command = new[] { "sleep", "3600" },
        };

        protected async Task<ContainerService> CreateAsync(ServiceOptions options, RecordingOutput? output = null)
        {
            output ??= new RecordingOutput();
            NewContainerServiceCommand command = NewContainerServiceCommand.FromOptions(options);
            command.Image = new ServiceImage { Resolution = ServiceImageResolution.Never };
            await command.ExecuteAsync(Engine, output, default);
            Assert.Empty(output.Errors);
            return Assert.Single(output.ObjectsOf<ContainerService>());
        }

        protected async Task<IReadOnlyList<ContainerServiceTask>> TasksAsync(string service, string? desiredState = null)
        {
            var output = new RecordingOutput();
            await new GetContainerServiceTaskCommand { DesiredState = desiredState }.ExecuteAsync(Engine, new[] { service }, output, default);
            Assert.Empty(output.Errors);
            return output.ObjectsOf<ContainerServiceTask>();
        }

        /// <summary>Waits (generously) for a condition the swarm reaches in its own time.</summary>
        protected static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
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
            Swarm = await SwarmEngine.GetAsync();
            Engine = EngineDirectory.Get(Swarm.Endpoint, null, null, "swarm", "parameter");
        }

        public async Task DisposeAsync()
        {
            foreach (string name in _services)
            {
                try
                {
                    await Swarm.Client.Services.RemoveAsync(name);
                }
                catch (EngineNotFoundException)
                {
                    // Never made, or removed by the test.
                }
            }
        }
    }
}
