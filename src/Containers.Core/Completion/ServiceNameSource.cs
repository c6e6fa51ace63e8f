using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Completion
{
    /// <summary>Swarm service names, for the service cmdlets' -Name and -Service, with the image and replica count as the tip.</summary>
    public static class ServiceNameSource
    {
        public static async Task<IReadOnlyList<CompletionCandidate>> ListAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            List<Service> services = await engine.Client.Services.ListAsync(null, cancellationToken);
            return services
                .Where(service => !string.IsNullOrEmpty(service.Spec.Name))
                .Select(service => ContainerService.FromService(service, engine))
                .Select(service => new CompletionCandidate(service.Name, $"{service.Name}: {service.Mode} service of {service.ImageName}"))
                .ToArray();
        }
    }
}
