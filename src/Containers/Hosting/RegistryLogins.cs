using System.Management.Automation;
using Containers.Credentials;
using Containers.Engine.Configuration;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;

namespace Containers.PowerShell.Hosting
{
    /// <summary>The docker CLI's login store as this process sees it now, and -Credential as a registry credential.</summary>
    internal static class RegistryLogins
    {
        /// <summary>Read afresh for each command: a user may change $env:DOCKER_CONFIG between two.</summary>
        public static DockerCredentialStore Store => DockerCredentialStore.FromEnvironment(ProcessEnvironment.Instance);

        /// <summary>The PSCredential as a registry credential; null when none (or [PSCredential]::Empty) was given.</summary>
        public static RegistryCredential? From(PSCredential? credential, string parameterName = "Credential") =>
            credential == null || credential == PSCredential.Empty || credential.Password == null
                ? null
                : RegistryCredentialInput.FromPassword(credential.UserName, credential.Password, parameterName);
    }
}
