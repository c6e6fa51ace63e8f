using System.Text;
using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Http;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// Makes and removes the engine objects the client cannot yet make itself (networks, volumes, image tags), with raw
    /// requests, so tests of the list calls and completers have something known to find.
    /// </summary>
    public static class EngineObjects
    {
        /// <summary>An internal bridge network: no iptables rules, no route out, so it touches nothing of the host.</summary>
        public static Task CreateNetworkAsync(EngineClient client, string name) =>
            PostJsonAsync(client, "/networks/create", "{\"Name\":\"" + name + "\",\"Driver\":\"bridge\",\"Internal\":true,\"CheckDuplicate\":true}");

        public static Task CreateVolumeAsync(EngineClient client, string name) =>
            PostJsonAsync(client, "/volumes/create", "{\"Name\":\"" + name + "\"}");

        /// <summary>Tags the test image as <paramref name="repository"/>:<paramref name="tag"/> (keep repositories under localhost/).</summary>
        public static async Task TagTestImageAsync(EngineClient client, string repository, string tag)
        {
            if (!repository.StartsWith("localhost/", StringComparison.Ordinal))
            {
                throw new ArgumentException("Test image names stay under localhost/, so nothing can resolve to Docker Hub.", nameof(repository));
            }

            var request = new EngineRequest("POST", "/images/" + Uri.EscapeDataString(TestImage.Reference) + "/tag");
            request.Query.Add("repo", repository).Add("tag", tag);
            await client.SendNoContentAsync(request).ConfigureAwait(false);
        }

        public static Task RemoveNetworkAsync(EngineClient client, string name) => DeleteAsync(client, "/networks/" + Uri.EscapeDataString(name));

        public static Task RemoveVolumeAsync(EngineClient client, string name) => DeleteAsync(client, "/volumes/" + Uri.EscapeDataString(name));

        /// <summary>Removes one tag; the image itself stays while other tags (the test image's own) remain.</summary>
        public static Task UntagImageAsync(EngineClient client, string reference) => DeleteAsync(client, "/images/" + Uri.EscapeDataString(reference));

        private static async Task PostJsonAsync(EngineClient client, string path, string json)
        {
            var request = new EngineRequest("POST", path) { Content = RequestContent.FromBytes(Encoding.UTF8.GetBytes(json), "application/json") };
            using EngineResponse response = await client.SendAsync(request).ConfigureAwait(false);
            await response.ReadAllBytesAsync(default).ConfigureAwait(false);
        }

        private static async Task DeleteAsync(EngineClient client, string path)
        {
            try
            {
                await client.SendNoContentAsync(new EngineRequest("DELETE", path)).ConfigureAwait(false);
            }
            catch (EngineNotFoundException)
            {
                // Already gone.
            }
        }
    }
}
