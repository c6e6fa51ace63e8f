namespace Containers.Completion
{
    /// <summary>The live completers the cmdlets' argument completers forward to.</summary>
    public static class EngineCompleters
    {
        public static EngineNameCompleter ContainerNames { get; } = new EngineNameCompleter(ContainerNameSource.ListAsync);

        /// <summary>repository:tag, for -Image.</summary>
        public static EngineNameCompleter ImageNames { get; } = new EngineNameCompleter(ImageNameSource.ListAsync);

        public static EngineNameCompleter NetworkNames { get; } = new EngineNameCompleter(NetworkNameSource.ListAsync);

        /// <summary>The volume-name part of -Volume.</summary>
        public static EngineNameCompleter VolumeNames { get; } = new EngineNameCompleter(VolumeNameSource.ListAsync, VolumeNameSource.CouldBeVolumeName);

        /// <summary>Plain volume names, for the volume cmdlets' -Name.</summary>
        public static EngineNameCompleter VolumeObjectNames { get; } = new EngineNameCompleter(VolumeNameSource.ListNamesAsync);
    }
}
