using System.Net.Sockets;
using System.Text.Json;

namespace Containers.PowerShell.Tests.BadInput
{
    /// <summary>
    /// What exists on the private engine (containers, images and their tags, networks, volumes) and in the folders a command
    /// may write to, read straight from the engine's API over its socket, not through the module under test. Two
    /// inventories differ exactly when something was made, changed or removed in between.
    /// </summary>
    public sealed class EngineInventory
    {
        private EngineInventory(IReadOnlyCollection<string> items) => Items = items;

        /// <summary>"container ID" ("container ID NAMES STATE [NETWORKS]" for the session's own), "image ID", "tag REPO:TAG", "network ID", "volume NAME", "file PATH LENGTH TIME".</summary>
        public IReadOnlyCollection<string> Items { get; }

        /// <summary>A client for the engine at unix:///PATH, the address the test engine tool gives.</summary>
        public static HttpClient ClientFor(string dockerHost)
        {
            string socket = new Uri(dockerHost).LocalPath;
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancel) =>
                {
                    var connection = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await connection.ConnectAsync(new UnixDomainSocketEndPoint(socket), cancel).ConfigureAwait(false);
                    return new NetworkStream(connection, ownsSocket: true);
                },
            };
            return new HttpClient(handler) { BaseAddress = new Uri("http://engine/"), Timeout = TimeSpan.FromSeconds(60) };
        }

        /// <param name="prefix">The session's name prefix: its containers are followed closely.</param>
        public static async Task<EngineInventory> TakeAsync(HttpClient engine, string prefix, IEnumerable<string> folders)
        {
            var items = new SortedSet<string>(StringComparer.Ordinal);
            foreach (JsonElement container in await ListAsync(engine, "containers/json?all=1").ConfigureAwait(false))
            {
                // For this session's own containers, their names, state and networks too: a rename, a start or a connection
                // is a change a bad row must not make. Other containers only by id: one another test left may stop meanwhile.
                string id = container.GetProperty("Id").GetString()!;
                string[] names = container.GetProperty("Names").EnumerateArray().Select(name => name.GetString()!).ToArray();
                if (!names.Any(name => name.StartsWith("/" + prefix, StringComparison.Ordinal)))
                {
                    items.Add("container " + id);
                    continue;
                }

                string networks = container.TryGetProperty("NetworkSettings", out JsonElement settings) && settings.TryGetProperty("Networks", out JsonElement attached)
                    && attached.ValueKind == JsonValueKind.Object
                    ? string.Join(",", attached.EnumerateObject().Select(network => network.Name).OrderBy(name => name, StringComparer.Ordinal))
                    : string.Empty;
                items.Add($"container {id} {string.Join(",", names)} {container.GetProperty("State").GetString()} [{networks}]");
            }

            foreach (JsonElement image in await ListAsync(engine, "images/json?all=1").ConfigureAwait(false))
            {
                items.Add("image " + image.GetProperty("Id").GetString());
                if (image.TryGetProperty("RepoTags", out JsonElement tags) && tags.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement tag in tags.EnumerateArray())
                    {
                        items.Add("tag " + tag.GetString());
                    }
                }
            }

            foreach (JsonElement network in await ListAsync(engine, "networks").ConfigureAwait(false))
            {
                items.Add("network " + network.GetProperty("Id").GetString());
            }

            using (JsonDocument volumes = JsonDocument.Parse(await engine.GetStringAsync("volumes").ConfigureAwait(false)))
            {
                if (volumes.RootElement.GetProperty("Volumes") is { ValueKind: JsonValueKind.Array } list)
                {
                    foreach (JsonElement volume in list.EnumerateArray())
                    {
                        items.Add("volume " + volume.GetProperty("Name").GetString());
                    }
                }
            }

            foreach (string folder in folders.Where(Directory.Exists))
            {
                foreach (FileInfo file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
                {
                    items.Add($"file {file.FullName} {file.Length} {file.LastWriteTimeUtc:O}");
                }

                foreach (DirectoryInfo directory in new DirectoryInfo(folder).EnumerateDirectories("*", SearchOption.AllDirectories))
                {
                    items.Add("folder " + directory.FullName);
                }
            }

            return new EngineInventory(items);
        }

        /// <summary>What is in <paramref name="after"/> and not in this one.</summary>
        public IReadOnlyList<string> Added(EngineInventory after) => after.Items.Except(Items).ToList();

        /// <summary>What is in this one and no longer in <paramref name="after"/>.</summary>
        public IReadOnlyList<string> Removed(EngineInventory after) => Items.Except(after.Items).ToList();

        /// <summary>
        /// Removes what a failing row made on the engine (new containers, images, tags, networks, volumes and files, never
        /// one that only changed), so that the rows after it still start from the same state.
        /// </summary>
        public async Task RemoveAddedAsync(HttpClient engine, EngineInventory after)
        {
            var known = new HashSet<string>(Items.Select(item => Key(item)), StringComparer.Ordinal);
            // Containers first, then tags, then images: an image that a new container uses or a tag names cannot go first.
            foreach (string item in Added(after).Where(item => !known.Contains(Key(item)))
                .OrderBy(item => item.StartsWith("container ", StringComparison.Ordinal) ? 0 : item.StartsWith("tag ", StringComparison.Ordinal) ? 1 : 2))
            {
                string[] parts = item.Split(' ');
                string path = parts[0] switch
                {
                    "container" => $"containers/{parts[1]}?force=1&v=1",
                    "tag" => $"images/{Uri.EscapeDataString(parts[1])}",
                    "image" => $"images/{parts[1]}?force=1",
                    "network" => $"networks/{parts[1]}",
                    "volume" => $"volumes/{parts[1]}?force=1",
                    _ => string.Empty,
                };
                if (path.Length > 0)
                {
                    using HttpResponseMessage response = await engine.DeleteAsync(path).ConfigureAwait(false);
                }
                else if (parts[0] == "file" && File.Exists(parts[1]))
                {
                    File.Delete(parts[1]);
                }
            }
        }

        /// <summary>What an item is, without what may change about it: "container ID", "file PATH".</summary>
        private static string Key(string item) => string.Join(" ", item.Split(' ').Take(2));

        private static async Task<List<JsonElement>> ListAsync(HttpClient engine, string path)
        {
            using JsonDocument document = JsonDocument.Parse(await engine.GetStringAsync(path).ConfigureAwait(false));
            return document.RootElement.EnumerateArray().Select(element => element.Clone()).ToList();
        }
    }
}
