using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Services
{
    /// <summary>One service as a user object, read from the listing (which alone counts its running tasks).</summary>
    internal static class ServiceReading
    {
        public static async Task<ContainerService> ReadAsync(ContainerEngine engine, string id, CancellationToken cancellationToken)
        {
            Service? listed = (await engine.Client.Services.ListAsync(new Filters().Add("id", id), cancellationToken)).FirstOrDefault(s => s.ID == id);
            return ContainerService.FromService(listed ?? throw new EngineNotFoundException($"service {id} not found", EngineResourceKind.Service, id), engine);
        }
    }
}
