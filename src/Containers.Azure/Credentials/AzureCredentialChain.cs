using Azure.Core;
using Azure.Identity;

namespace Containers.Azure.Credentials
{
    /// <summary>
    /// The module's credential order (PROVISIONER.md): the user's token alone when given; else managed identity when
    /// IDENTITY_ENDPOINT says the session runs in Azure Automation, then Azure PowerShell, Azure CLI, and a browser
    /// sign-in only when someone can answer it. Never DefaultAzureCredential: it would also read AZURE_CLIENT_SECRET
    /// and friends from the environment, and its order is not ours to promise. The plan is data so tests can check it.
    /// </summary>
    public static class AzureCredentialChain
    {
        /// <summary>Which credentials are tried, in order, for a token given (or not) and the session's environment.</summary>
        /// <param name="environment">Environment variables (IDENTITY_ENDPOINT, AZUREPS_HOST_ENVIRONMENT, CI, DISPLAY...).</param>
        /// <param name="userInteractive">Whether the process has a user at a desktop (Environment.UserInteractive).</param>
        public static IReadOnlyList<AzureCredentialKind> Plan(string? accessToken, IReadOnlyDictionary<string, string?> environment, bool userInteractive)
        {
            if (!string.IsNullOrWhiteSpace(accessToken))
            {
                return new[] { AzureCredentialKind.AccessToken };
            }

            var kinds = new List<AzureCredentialKind>();
            bool automation = IsSet(environment, "IDENTITY_ENDPOINT");
            if (automation)
            {
                kinds.Add(AzureCredentialKind.ManagedIdentity);
            }

            kinds.Add(AzureCredentialKind.AzurePowerShell);
            kinds.Add(AzureCredentialKind.AzureCli);
            if (MayPrompt(environment, userInteractive) && !automation)
            {
                kinds.Add(AzureCredentialKind.InteractiveBrowser);
            }

            return kinds;
        }

        /// <summary>
        /// Whether a browser sign-in could be answered: not in a runbook (Azure Automation sets AZUREPS_HOST_ENVIRONMENT
        /// and IDENTITY_ENDPOINT), not in CI, not in a service, and on Linux only with a display.
        /// </summary>
        public static bool MayPrompt(IReadOnlyDictionary<string, string?> environment, bool userInteractive)
        {
            if (!userInteractive || IsSet(environment, "IDENTITY_ENDPOINT") || IsSet(environment, "CI") || IsSet(environment, "TF_BUILD") || IsSet(environment, "GITHUB_ACTIONS"))
            {
                return false;
            }

            if (Get(environment, "AZUREPS_HOST_ENVIRONMENT")?.StartsWith("AzureAutomation", StringComparison.OrdinalIgnoreCase) == true)
            {
                return false;
            }

            bool windows = Environment.OSVersion.Platform == PlatformID.Win32NT;
            return windows || IsSet(environment, "DISPLAY") || IsSet(environment, "WAYLAND_DISPLAY") || Environment.OSVersion.Platform == PlatformID.MacOSX;
        }

        /// <summary>The environment of this process, as <see cref="Plan"/> reads it.</summary>
        public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
        {
            var names = new[] { "IDENTITY_ENDPOINT", "AZUREPS_HOST_ENVIRONMENT", "CI", "TF_BUILD", "GITHUB_ACTIONS", "DISPLAY", "WAYLAND_DISPLAY", "AZURE_CLIENT_ID", "AZURE_TENANT_ID" };
            return names.ToDictionary(name => name, name => (string?)Environment.GetEnvironmentVariable(name), StringComparer.Ordinal);
        }

        /// <summary>The credential for a plan: one credential, or a chain that tries the next when one is unavailable.</summary>
        public static TokenCredential Build(IReadOnlyList<AzureCredentialKind> plan, string? accessToken, IReadOnlyDictionary<string, string?> environment)
        {
            if (plan.Count == 0)
            {
                throw new ArgumentException("A credential plan needs at least one kind.", nameof(plan));
            }

            TokenCredential[] credentials = plan.Select(kind => Create(kind, accessToken, environment)).ToArray();
            return credentials.Length == 1 ? credentials[0] : new ChainedTokenCredential(credentials);
        }

        private static TokenCredential Create(AzureCredentialKind kind, string? accessToken, IReadOnlyDictionary<string, string?> environment)
        {
            string? tenant = Get(environment, "AZURE_TENANT_ID");
            switch (kind)
            {
                case AzureCredentialKind.AccessToken:
                    return new StaticTokenCredential(accessToken ?? throw new ArgumentNullException(nameof(accessToken)));
                case AzureCredentialKind.ManagedIdentity:
                    // A user-assigned identity is named by its client id; without one, the system-assigned identity.
                    return new ManagedIdentityCredential(Get(environment, "AZURE_CLIENT_ID"));
                case AzureCredentialKind.AzurePowerShell:
                    return new AzurePowerShellCredential(new AzurePowerShellCredentialOptions { TenantId = tenant });
                case AzureCredentialKind.AzureCli:
                    return new AzureCliCredential(new AzureCliCredentialOptions { TenantId = tenant });
                default:
                    return new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions { TenantId = tenant });
            }
        }

        private static bool IsSet(IReadOnlyDictionary<string, string?> environment, string name) => !string.IsNullOrEmpty(Get(environment, name));

        private static string? Get(IReadOnlyDictionary<string, string?> environment, string name) =>
            environment.TryGetValue(name, out string? value) ? value : null;
    }
}
