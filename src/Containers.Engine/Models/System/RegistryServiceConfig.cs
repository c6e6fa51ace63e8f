namespace Containers.Engine.Models
{
    /// <summary>The engine's registry settings, as <c>GET /info</c> reports them.</summary>
    public sealed class RegistryServiceConfig
    {
        /// <summary>Networks whose registries are reached without TLS verification, as CIDR text.</summary>
        public List<string>? InsecureRegistryCIDRs { get; set; }

        /// <summary>Registries by name, with whether each is secure.</summary>
        public Dictionary<string, RegistryIndexInfo>? IndexConfigs { get; set; }

        /// <summary>Mirror URLs for Docker Hub.</summary>
        public List<string>? Mirrors { get; set; }
    }

    /// <summary>One registry the engine has settings for.</summary>
    public sealed class RegistryIndexInfo
    {
        public string? Name { get; set; }

        public List<string>? Mirrors { get; set; }

        public bool Secure { get; set; }

        public bool Official { get; set; }
    }
}
