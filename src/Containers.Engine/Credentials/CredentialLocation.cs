namespace Containers.Engine.Credentials
{
    /// <summary>Where a stored login lives.</summary>
    public enum CredentialLocation
    {
        /// <summary>In config.json's <c>auths</c>, base64-encoded (not encrypted).</summary>
        ConfigFile,

        /// <summary>In a credential helper's keychain (<c>credsStore</c>, <c>credHelpers</c>, or the platform's default helper).</summary>
        Helper,

        /// <summary>In the DOCKER_AUTH_CONFIG variable, which can be read but not changed from here.</summary>
        EnvironmentVariable,
    }
}
