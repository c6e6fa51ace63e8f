using System.Collections.Concurrent;

namespace Containers.Completion
{
    /// <summary>The live completers the cmdlets' argument completers forward to.</summary>
    public static class EngineCompleters
    {
        private static readonly ConcurrentDictionary<string, EngineNameCompleter> ByStates = new ConcurrentDictionary<string, EngineNameCompleter>(StringComparer.Ordinal);

        public static EngineNameCompleter ContainerNames { get; } = new EngineNameCompleter(ContainerNameSource.ListAsync);

        /// <summary>The containers <paramref name="commandName"/> can act on (see <see cref="ContainerStates"/>).</summary>
        public static EngineNameCompleter ContainerNamesFor(string? commandName)
        {
            IReadOnlyCollection<string>? states = ContainerStates.For(commandName);
            return states == null
                ? ContainerNames
                : ByStates.GetOrAdd(string.Join(",", states), _ => new EngineNameCompleter((engine, cancel) => ContainerNameSource.ListAsync(engine, states, cancel)));
        }

        /// <summary>The engine's own os/arch, for -Platform (see <see cref="PlatformValues"/>).</summary>
        public static EngineNameCompleter EnginePlatform { get; } = new EngineNameCompleter(PlatformValues.ListEngineOwnAsync);

        /// <summary>repository:tag, for -Image.</summary>
        public static EngineNameCompleter ImageNames { get; } = new EngineNameCompleter(ImageNameSource.ListAsync);

        public static EngineNameCompleter NetworkNames { get; } = new EngineNameCompleter(NetworkNameSource.ListAsync);

        /// <summary>Compose project names, for the project cmdlets' -Name.</summary>
        public static EngineNameCompleter ProjectNames { get; } = new EngineNameCompleter(ProjectNameSource.ListAsync);

        /// <summary>The volume-name part of -Volume.</summary>
        public static EngineNameCompleter VolumeNames { get; } = new EngineNameCompleter(VolumeNameSource.ListAsync, VolumeNameSource.CouldBeVolumeName);

        /// <summary>Plain volume names, for the volume cmdlets' -Name.</summary>
        public static EngineNameCompleter VolumeObjectNames { get; } = new EngineNameCompleter(VolumeNameSource.ListNamesAsync);

        /// <summary>Swarm service names, for the service cmdlets.</summary>
        public static EngineNameCompleter ServiceNames { get; } = new EngineNameCompleter(ServiceNameSource.ListAsync);

        public static EngineNameCompleter SecretNames { get; } = new EngineNameCompleter(SwarmDataNameSource.ListSecretsAsync);

        public static EngineNameCompleter ConfigNames { get; } = new EngineNameCompleter(SwarmDataNameSource.ListConfigsAsync);
    }
}
