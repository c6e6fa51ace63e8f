using System.Collections.Concurrent;
using Containers.Engine;
using Containers.Engine.Models;
using Containers.Models;
using Xunit;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// A base for tests that drive the module's commands against the private engine. Containers made through
    /// <see cref="CreateAsync"/> are removed after each test, whatever its outcome.
    /// </summary>
    [RequiresEngine]
    public abstract class EngineTest : IAsyncLifetime
    {
        private readonly ConcurrentBag<string> _made = new ConcurrentBag<string>();

        protected PrivateEngine Private { get; private set; } = null!;

        protected ContainerEngine Engine => Private.Engine;

        protected EngineClient Client => Private.Client;

        protected string Image => Private.Image;

        public async Task InitializeAsync() => Private = await PrivateEngine.GetAsync();

        public async Task DisposeAsync()
        {
            foreach (string id in _made)
            {
                try
                {
                    await Client.Containers.RemoveAsync(id, force: true);
                }
                catch (Containers.Engine.Errors.EngineNotFoundException)
                {
                    // The test removed it itself.
                }
            }
        }

        /// <summary>Creates a container running <paramref name="command"/> in the test image; removed after the test.</summary>
        protected async Task<(string Id, string Name)> CreateAsync(string[] command, string? name = null, Dictionary<string, string>? labels = null, bool tty = false)
        {
            name ??= PrivateEngine.UniqueName();
            ContainerCreateResponse created = await Client.Containers.CreateAsync(name, new ContainerCreateRequest
            {
                Image = Image,
                Cmd = command.ToList(),
                Labels = labels,
                Tty = tty,
            });
            _made.Add(created.Id);
            return (created.Id, name);
        }

        /// <summary>Creates and starts a container; removed after the test.</summary>
        protected async Task<(string Id, string Name)> StartAsync(string[] command, string? name = null, Dictionary<string, string>? labels = null, bool tty = false)
        {
            (string id, string made) = await CreateAsync(command, name, labels, tty);
            await Client.Containers.StartAsync(id);
            return (id, made);
        }

        /// <summary>Registers a container made some other way (by the command under test) for removal.</summary>
        protected void Track(string id) => _made.Add(id);

        protected static readonly string[] Sleeper = { "sleep", "300" };
    }
}
