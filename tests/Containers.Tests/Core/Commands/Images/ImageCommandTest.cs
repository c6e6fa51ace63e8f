using System.Collections.Concurrent;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Tests.Fixtures;

namespace Containers.Tests.Core.Commands.Images
{
    /// <summary>
    /// A base for tests of the image commands: images it makes (names under localhost/containers-test/, images committed
    /// from throwaway containers) are removed after each test, newest first so children go before their parents. The
    /// shared test image is only ever tagged, never removed by id.
    /// </summary>
    public abstract class ImageCommandTest : EngineTest, IDisposable
    {
        private readonly ConcurrentStack<string> _made = new ConcurrentStack<string>();

        /// <summary>A repository no other test uses, under localhost/ so nothing can resolve to Docker Hub.</summary>
        protected static string NewRepository(string prefix = "img") => "localhost/containers-test/" + PrivateEngine.UniqueName(prefix);

        /// <summary>Gives the shared test image the further name <paramref name="name"/>; the name is removed after the test.</summary>
        protected async Task<string> TagTestImageAsync(string name)
        {
            await Client.Images.TagAsync(Image, ImageReference.Parse(name));
            _made.Push(name);
            return name;
        }

        /// <summary>Registers a name or id the command under test made, for removal after the test.</summary>
        protected void TrackImage(string nameOrId) => _made.Push(nameOrId);

        /// <summary>
        /// Makes an image of its own, with one layer no other image has (a file with unique content), by committing a
        /// container that is removed at once, so the image is unused. Returns its id.
        /// </summary>
        protected async Task<string> CommitNewImageAsync(string? name = null, IDictionary<string, string>? labels = null, string? fromImage = null)
        {
            ContainerCreateResponse created = await Client.Containers.CreateAsync(null, new ContainerCreateRequest
            {
                Image = fromImage ?? Image,
                Cmd = new List<string> { "sh", "-c", "echo " + Guid.NewGuid().ToString("N") + " > /unique" },
            });
            try
            {
                await Client.Containers.StartAsync(created.Id);
                await Client.Containers.WaitAsync(created.Id);
                ImageReference? reference = name == null ? null : ImageReference.Parse(name);
                var parameters = new ContainerCommitParameters { Repository = reference?.FamiliarRepository, Tag = reference?.Tag };
                foreach (KeyValuePair<string, string> label in labels ?? new Dictionary<string, string>())
                {
                    parameters.Changes.Add($"LABEL {label.Key}={label.Value}");
                }

                string id = await Client.Images.CommitAsync(created.Id, parameters);
                _made.Push(id);
                return id;
            }
            finally
            {
                await Client.Containers.RemoveAsync(created.Id, force: true);
            }
        }

        /// <summary>True when the engine has an image by this name or id.</summary>
        protected async Task<bool> ExistsAsync(string nameOrId)
        {
            try
            {
                await Client.Images.InspectAsync(nameOrId);
                return true;
            }
            catch (EngineNotFoundException)
            {
                return false;
            }
        }

        /// <summary>Every repository:tag of the repository, as the engine lists them.</summary>
        protected async Task<IReadOnlyList<string>> TagsOfAsync(string repository)
        {
            var parameters = new ImageListParameters();
            parameters.Filters.Add("reference", repository);
            List<ImageSummary> images = await Client.Images.ListAsync(parameters);
            return images.SelectMany(image => image.RepoTags ?? new List<string>()).OrderBy(tag => tag, StringComparer.Ordinal).ToList();
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            // Runs after EngineTest has removed the test's containers, so nothing is in use any more.
            while (_made.TryPop(out string? nameOrId))
            {
                try
                {
                    Client.Images.RemoveAsync(nameOrId, force: true).GetAwaiter().GetResult();
                }
                catch (EngineNotFoundException)
                {
                    // The test removed it itself.
                }
            }
        }
    }
}
