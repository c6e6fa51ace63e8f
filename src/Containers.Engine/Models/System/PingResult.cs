namespace Containers.Engine.Models
{
    /// <summary>What <c>/_ping</c> says: the engine's API version and OS, before any versioned call.</summary>
    public sealed class PingResult
    {
        public PingResult(Version? apiVersion, string? osType, bool experimental, string? builderVersion)
        {
            ApiVersion = apiVersion;
            OSType = osType;
            Experimental = experimental;
            BuilderVersion = builderVersion;
        }

        public Version? ApiVersion { get; }

        public string? OSType { get; }

        public bool Experimental { get; }

        public string? BuilderVersion { get; }
    }
}
