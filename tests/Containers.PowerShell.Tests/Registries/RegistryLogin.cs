using System.Management.Automation;
using System.Net;
using Containers.PowerShell.Tests.Fixtures;

namespace Containers.PowerShell.Tests.Registries
{
    /// <summary>
    /// Script variables for the private registry's login: <c>$Credential</c> (its user and password), <c>$WrongCredential</c>
    /// (its user, a wrong password) and <c>$OtherAddress</c> (the same registry as localhost:PORT). A test that stores or
    /// removes a login does it under <c>$OtherAddress</c>: DOCKER_CONFIG is shared by this test process, and tests that
    /// run beside it rely on the login under $TestRegistry.
    /// </summary>
    internal static class RegistryLogin
    {
        public static IReadOnlyDictionary<string, object?> Variables(ModuleSession session) => new Dictionary<string, object?>
        {
            ["Credential"] = Credential(session.Engine.RegistryUser, session.Engine.RegistryPassword),
            ["WrongCredential"] = Credential(session.Engine.RegistryUser, session.Engine.RegistryPassword + "-wrong"),
            ["OtherAddress"] = "localhost:" + session.Engine.Registry.Substring(session.Engine.Registry.LastIndexOf(':') + 1),
        };

        private static PSCredential Credential(string user, string password) => new PSCredential(user, new NetworkCredential(string.Empty, password).SecurePassword);
    }
}
