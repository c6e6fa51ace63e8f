using Containers.Engine.Models;

namespace Containers.Commands.Stacks
{
    /// <summary>
    /// What Publish-ContainerStack makes of a compose project, before the engine is asked anything: the swarm objects
    /// with the names and labels docker stack deploy gives them (see <see cref="StackTranslation"/>).
    /// </summary>
    public sealed class StackPlan
    {
        public string Name { get; init; } = string.Empty;

        /// <summary>The networks the services use: made unless external (then they must exist).</summary>
        public IReadOnlyList<StackObject<NetworkCreateRequest>> Networks { get; init; } = Array.Empty<StackObject<NetworkCreateRequest>>();

        public IReadOnlyList<StackObject<SwarmDataSpec>> Secrets { get; init; } = Array.Empty<StackObject<SwarmDataSpec>>();

        public IReadOnlyList<StackObject<SwarmDataSpec>> Configs { get; init; } = Array.Empty<StackObject<SwarmDataSpec>>();

        /// <summary>The services in the file's order; their networks' targets are the networks' names until deployed.</summary>
        public IReadOnlyList<StackServicePlan> Services { get; init; } = Array.Empty<StackServicePlan>();

        /// <summary>What the translation left out, one line per key and service (docker's "Ignoring unsupported options").</summary>
        public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
    }

    /// <summary>A network, secret or config of the stack: <see cref="Create"/> is null for an external one, used by its name.</summary>
    public sealed class StackObject<T>
        where T : class
    {
        public StackObject(string key, string name, T? create)
        {
            Key = key;
            Name = name;
            Create = create;
        }

        /// <summary>The key in the file.</summary>
        public string Key { get; }

        /// <summary>The engine's name: STACK_key, the file's name:, or an external object's name.</summary>
        public string Name { get; }

        public T? Create { get; }

        public bool External => Create == null;
    }

    /// <summary>One service: its name in the file and the spec to send.</summary>
    public sealed class StackServicePlan
    {
        public StackServicePlan(string key, ServiceSpec spec, string image)
        {
            Key = key;
            Spec = spec;
            Image = image;
        }

        public string Key { get; }

        /// <summary>STACK_key.</summary>
        public string Name => Spec.Name!;

        public ServiceSpec Spec { get; }

        /// <summary>The image as the file writes it (the spec's may be pinned to a digest when deployed).</summary>
        public string Image { get; }
    }
}
