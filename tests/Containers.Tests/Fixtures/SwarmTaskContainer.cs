using System.Security.Cryptography;
using Containers.Engine;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// What tests of secrets and configs need of a service on a single-node swarm: the container its task runs in (to read
    /// the files mounted into it), and the removal of what the service held once it is gone (a removed service's task
    /// lets go of its secrets only when its container is gone, a moment later).
    /// </summary>
    public static class SwarmTaskContainer
    {
        /// <summary>The id of a running container of <paramref name="service"/>'s tasks, waiting for one up to three minutes (a loaded machine).</summary>
        public static async Task<string> RunningAsync(EngineClient client, string service)
        {
            var parameters = new ContainerListParameters();
            parameters.Filters.Add("label", "com.docker.swarm.service.name=" + service);
            DateTime deadline = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                List<ContainerSummary> running = await client.Containers.ListAsync(parameters);
                if (running.Count > 0)
                {
                    return running[0].Id;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"No task of service {service} ran within three minutes.");
                }

                await Task.Delay(200);
            }
        }

        /// <summary>Runs <paramref name="remove"/> until the engine stops refusing it as in use (up to three minutes); a missing object is fine.</summary>
        public static async Task RemoveWhenFreeAsync(Func<Task> remove)
        {
            DateTime deadline = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                try
                {
                    await remove();
                    return;
                }
                catch (EngineNotFoundException)
                {
                    return;
                }
                catch (EngineBadRequestException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200);
                }
            }
        }

        /// <summary>sha256sum's digest of <paramref name="data"/>: lower-case hex.</summary>
        public static string Sha256(byte[] data)
        {
            using var sha = SHA256.Create();
            return BitConverter.ToString(sha.ComputeHash(data)).Replace("-", string.Empty).ToLowerInvariant();
        }
    }
}
