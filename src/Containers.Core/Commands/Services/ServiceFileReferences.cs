using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Services
{
    /// <summary>
    /// The secrets and configs a service's spec names, looked up on the engine for the ids it wants beside the names
    /// (docker does the same). A name the engine does not have is a SecretNotFound or ConfigNotFound error, before
    /// anything is created.
    /// </summary>
    internal static class ServiceFileReferences
    {
        public static async Task ResolveAsync(ContainerEngine engine, ContainerSpec container, CancellationToken cancellationToken)
        {
            foreach (SecretReference secret in container.Secrets ?? new List<SecretReference>())
            {
                SwarmSecret found = await engine.Client.Secrets.InspectAsync(secret.SecretName!, cancellationToken);
                secret.SecretID = found.ID;
                secret.SecretName = found.Spec.Name;
            }

            foreach (ConfigReference config in container.Configs ?? new List<ConfigReference>())
            {
                SwarmConfig found = await engine.Client.Configs.InspectAsync(config.ConfigName!, cancellationToken);
                config.ConfigID = found.ID;
                config.ConfigName = found.Spec.Name;
            }
        }
    }
}
