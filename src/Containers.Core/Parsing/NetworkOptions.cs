using System.Collections;

namespace Containers.Parsing
{
    /// <summary>New-ContainerNetwork's parameters as the user gave them, before any checking.</summary>
    public sealed class NetworkOptions
    {
        public string Name { get; set; } = string.Empty;

        public string? Driver { get; set; }

        public IList<string>? Subnet { get; set; }

        public IList<string>? Gateway { get; set; }

        public IList<string>? IPRange { get; set; }

        public bool Internal { get; set; }

        public bool Attachable { get; set; }

        public bool IPv6 { get; set; }

        public IDictionary? Label { get; set; }

        /// <summary>The driver's options.</summary>
        public IDictionary? Option { get; set; }
    }
}
