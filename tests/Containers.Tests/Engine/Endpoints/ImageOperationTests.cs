using Containers.Engine;
using Containers.Engine.Archives;
using Containers.Engine.Build;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Engine.Streams;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>The image endpoints against the private engine: names, history, removal, save and load, commit, build, prune.</summary>
    public sealed class ImageOperationTests : EngineTest, IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "containers-images-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly List<string> _images = new List<string>();

        public ImageOperationTests()
        {
            Directory.CreateDirectory(_root);
        }

        public void Dispose()
        {
            foreach (string image in _images)
            {
                try
                {
                    Client.Images.RemoveAsync(image, force: true).GetAwaiter().GetResult();
                }
                catch (EngineNotFoundException)
                {
                }
            }

            Directory.Delete(_root, recursive: true);
        }

        private ImageReference NewName(string tag = "v1")
        {
            var reference = ImageReference.Parse("localhost/containers-test/" + PrivateEngine.UniqueName("op") + ":" + tag);
            _images.Add(reference.ToFamiliarString());
            return reference;
        }

        private static Task<List<JsonMessage>> ReadAllAsync(JsonMessageReader reader) => MessageStreams.ReadAllAsync(reader);

        private async Task<string> BuildAsync(string dockerfile, ImageBuildParameters parameters)
        {
            string context = Path.Combine(_root, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(context);
            File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile);
            using TarWriterStream stream = BuildContext.Open(context).CreateStream();
            List<JsonMessage> messages = await ReadAllAsync(await Client.Images.BuildAsync(stream, parameters));
            string id = messages.Where(m => m.Aux.HasValue).Select(m => m.Aux!.Value.GetProperty("ID").GetString()!).Single();
            _images.Add(id);
            return id;
        }

        [Fact]
        public async Task A_tag_is_a_second_name_inspect_and_history_describe_it_and_removing_the_name_untags()
        {
            ImageReference name = NewName();
            await Client.Images.TagAsync(Image, name);
            ImageInspect tagged = await Client.Images.InspectAsync(name.ToFamiliarString());
            ImageInspect original = await Client.Images.InspectAsync(Image);
            Assert.Equal(original.Id, tagged.Id);
            Assert.Contains(name.ToFamiliarString(), tagged.RepoTags!);
            Assert.Equal("linux", tagged.Os);
            Assert.NotEmpty(tagged.RootFS!.Layers!);

            List<ImageHistoryItem> history = await Client.Images.HistoryAsync(name.ToFamiliarString());
            Assert.NotEmpty(history);
            Assert.True(history.Sum(h => h.Size) > 0);

            List<ImageDeleteResponseItem> removed = await Client.Images.RemoveAsync(name.ToFamiliarString());
            Assert.Equal(name.ToFamiliarString(), Assert.Single(removed).Untagged);
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Images.InspectAsync(name.ToFamiliarString()));
            Assert.Equal(original.Id, (await Client.Images.InspectAsync(Image)).Id);
        }

        [Fact]
        public async Task An_image_a_container_uses_is_refused_without_force()
        {
            string id = await BuildAsync($"FROM {Image}\nLABEL purpose=in-use\n", new ImageBuildParameters());
            var created = await Client.Containers.CreateAsync(null, new ContainerCreateRequest { Image = id, Cmd = Sleeper.ToList() });
            Track(created.Id);
            await Client.Containers.StartAsync(created.Id);

            var refused = await Assert.ThrowsAsync<EngineConflictException>(() => Client.Images.RemoveAsync(id));
            Assert.Contains("being used by running container", refused.Message);
            await Assert.ThrowsAsync<EngineConflictException>(() => Client.Images.RemoveAsync(id, force: true));

            await Client.Containers.RemoveAsync(created.Id, force: true);
            Assert.Contains(await Client.Images.RemoveAsync(id), item => item.Deleted == id);
        }

        [Fact]
        public async Task Save_then_load_brings_two_images_back_from_one_tar()
        {
            ImageReference first = NewName("first");
            string secondId = await BuildAsync($"FROM {Image}\nRUN echo second > /second\n", new ImageBuildParameters());
            ImageReference second = NewName("second");
            await Client.Images.TagAsync(Image, first);
            await Client.Images.TagAsync(secondId, second);

            string tar = Path.Combine(_root, "images.tar");
            using (Stream saved = await Client.Images.SaveAsync(new[] { first.ToFamiliarString(), second.ToFamiliarString() }))
            using (FileStream file = File.Create(tar))
            {
                await saved.CopyToAsync(file);
            }

            Assert.True(new FileInfo(tar).Length > 1024);
            await Client.Images.RemoveAsync(first.ToFamiliarString());
            await Client.Images.RemoveAsync(second.ToFamiliarString());
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Images.InspectAsync(secondId));

            List<JsonMessage> loaded;
            using (FileStream file = File.OpenRead(tar))
            {
                loaded = await ReadAllAsync(await Client.Images.LoadAsync(file));
            }

            string output = string.Concat(loaded.Select(m => m.Stream));
            Assert.Contains("Loaded image: " + first.ToFamiliarString(), output);
            Assert.Contains("Loaded image: " + second.ToFamiliarString(), output);
            Assert.Equal(secondId, (await Client.Images.InspectAsync(second.ToFamiliarString())).Id);
        }

        [Fact]
        public async Task Commit_makes_an_image_whose_history_has_the_new_layer_above_the_base()
        {
            (string container, _) = await StartAsync(new[] { "sh", "-c", "echo changed > /changed; sleep 300" });
            await Task.Delay(300);
            ImageReference name = NewName("committed");
            var parameters = new ContainerCommitParameters { Repository = name.FamiliarRepository, Tag = name.Tag, Comment = "made by a test" };
            parameters.Changes.Add("ENV COMMITTED=yes");
            string id = await Client.Images.CommitAsync(container, parameters);
            _images.Add(id);

            ImageInspect committed = await Client.Images.InspectAsync(name.ToFamiliarString());
            Assert.Equal(id, committed.Id);
            Assert.Contains("COMMITTED=yes", committed.Config!.Env!);
            List<ImageHistoryItem> history = await Client.Images.HistoryAsync(id);
            List<ImageHistoryItem> baseHistory = await Client.Images.HistoryAsync(Image);
            Assert.Equal(baseHistory.Count + 1, history.Count);
            Assert.Equal(id, history[0].Id);
            Assert.Equal("made by a test", history[0].Comment);
            Assert.True(history[0].Size > 0);
        }

        [Fact]
        public async Task A_failing_run_step_raises_with_its_exit_code_and_build_arguments_labels_and_tags_apply()
        {
            var failing = await Assert.ThrowsAsync<EngineStreamException>(() => BuildAsync($"FROM {Image}\nRUN exit 7\n", new ImageBuildParameters()));
            Assert.Equal(7, failing.Code);
            Assert.Contains("returned a non-zero code: 7", failing.Message);

            ImageReference name = NewName("built");
            var parameters = new ImageBuildParameters();
            parameters.Tags.Add(name.ToFamiliarString());
            parameters.BuildArgs["GREETING"] = "hello";
            parameters.Labels["built.by"] = "test";
            string id = await BuildAsync($"FROM {Image}\nARG GREETING\nRUN echo $GREETING > /greeting\n", parameters);
            ImageInspect built = await Client.Images.InspectAsync(name.ToFamiliarString());
            Assert.Equal(id, built.Id);
            Assert.Equal("test", built.Config!.Labels!["built.by"]);
        }

        [Fact]
        public async Task Prune_removes_dangling_images_with_the_label_only()
        {
            string mark = PrivateEngine.UniqueName("prune");
            var parameters = new ImageBuildParameters();
            parameters.Labels["containers.test.prune"] = mark;
            string dangling = await BuildAsync($"FROM {Image}\nRUN echo {mark} > /mark\n", parameters);

            var filters = new Filters();
            filters.Add("label", "containers.test.prune=" + mark);
            ImagePruneResponse pruned = await Client.Images.PruneAsync(filters);
            Assert.Contains(pruned.ImagesDeleted!, item => item.Deleted == dangling);
            Assert.True(pruned.SpaceReclaimed > 0);
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Images.InspectAsync(dangling));
        }
    }
}
