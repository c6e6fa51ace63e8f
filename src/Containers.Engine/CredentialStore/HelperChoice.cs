namespace Containers.Engine.CredentialStore
{
    /// <summary>Which credential helper config.json sends a registry to, and which setting did so (for error messages).</summary>
    internal sealed class HelperChoice
    {
        public HelperChoice(string name, string configuredBy, bool isPlatformDefault)
        {
            Name = name;
            ConfiguredBy = configuredBy;
            IsPlatformDefault = isPlatformDefault;
        }

        public string Name { get; }

        public string ConfiguredBy { get; }

        /// <summary>Chosen because config.json configures nothing; a login must then write <c>credsStore</c>, as the CLI's does.</summary>
        public bool IsPlatformDefault { get; }
    }
}
