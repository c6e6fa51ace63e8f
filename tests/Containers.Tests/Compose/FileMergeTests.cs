using Containers.Compose;
using Xunit;

namespace Containers.Tests.Compose
{
    /// <summary>Several files (-Path a.yml, b.yml) merged in order by the specification's rules.</summary>
    public sealed class FileMergeTests : IDisposable
    {
        private readonly ComposeFolder _folder = new ComposeFolder();

        public void Dispose() => _folder.Dispose();

        private ComposeProject Merge(string first, string second, IReadOnlyDictionary<string, string>? environment = null) =>
            _folder.ReadFiles(new[] { _folder.Write("compose.yaml", first), _folder.Write("compose.override.yaml", second) }, environment);

        [Fact]
        public void Mappings_merge_and_later_scalars_win()
        {
            ComposeService web = Merge(
                "services:\n  web:\n    image: nginx:1\n    user: www\n    environment:\n      A: base\n      B: base\n    labels: [x=1]\n",
                "services:\n  web:\n    image: nginx:2\n    environment:\n      - B=override\n      - C=new\n    labels:\n      y: '2'\n").Services["web"];
            Assert.Equal(("nginx:2", "www"), (web.Image, web.User));
            Assert.Equal(new Dictionary<string, string?> { ["A"] = "base", ["B"] = "override", ["C"] = "new" }, web.Environment);
            Assert.Equal(new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" }, web.Labels);
        }

        [Fact]
        public void Command_and_entrypoint_are_replaced_not_appended()
        {
            ComposeService web = Merge(
                "services:\n  web:\n    image: nginx\n    command: [echo, foo]\n    entrypoint: /bin/sh -c\n",
                "services:\n  web:\n    command: echo bar\n").Services["web"];
            Assert.Equal(new[] { "echo", "bar" }, web.Command);
            Assert.Equal(new[] { "/bin/sh", "-c" }, web.Entrypoint);
        }

        [Fact]
        public void Ports_and_volumes_merge_by_their_unique_keys_and_other_lists_append()
        {
            ComposeService web = Merge(
                "services:\n  web:\n    image: nginx\n    ports: ['8080:80', '443:443']\n    volumes: ['data:/data', './a:/a']\n    dns: 1.1.1.1\n    cap_add: [NET_ADMIN]\nvolumes:\n  data: {}\n  other: {}\n",
                "services:\n  web:\n    ports: ['8080:80', '9090:90']\n    volumes: ['other:/data', './b:/b']\n    dns: [8.8.8.8]\n    cap_add: [NET_ADMIN, SYS_TIME]\n").Services["web"];
            Assert.Equal(new[] { "8080:80/tcp", "443:443/tcp", "9090:90/tcp" }, web.Ports.Select(port => port.ToString()));
            Assert.Equal(new[] { ("other", "/data"), (Path.Combine(_folder.Directory, "a"), "/a"), (Path.Combine(_folder.Directory, "b"), "/b") }, web.Volumes.Select(mount => (mount.Source!, mount.Target)));
            Assert.Equal(new[] { "1.1.1.1", "8.8.8.8" }, web.Dns);
            Assert.Equal(new[] { "NET_ADMIN", "SYS_TIME" }, web.CapAdd);
        }

        [Fact]
        public void Services_and_top_level_objects_from_both_files_are_kept_and_build_forms_merge()
        {
            ComposeProject project = Merge(
                "name: first\nservices:\n  web:\n    build: ./web\n  db:\n    image: postgres\nnetworks:\n  front: {}\n",
                "name: second\nservices:\n  web:\n    build:\n      dockerfile: Dockerfile.prod\n  cache:\n    image: redis\nnetworks:\n  back: {}\n");
            Assert.Equal("second", project.Name);
            Assert.Equal(new[] { "web", "db", "cache" }, project.Services.Keys);
            Assert.Equal((Path.Combine(_folder.Directory, "web"), "Dockerfile.prod"), (project.Services["web"].Build!.Context, project.Services["web"].Build!.Dockerfile));
            Assert.Equal(new[] { "front", "back", "default" }, project.Networks.Keys);
            Assert.Equal(2, project.ConfigFiles.Count);
        }

        [Fact]
        public void Each_file_is_interpolated_before_the_merge()
        {
            ComposeService web = Merge(
                "services:\n  web:\n    image: nginx:${TAG}\n",
                "services:\n  web:\n    environment:\n      TAG: ${TAG:-none}\n",
                new Dictionary<string, string> { ["TAG"] = "3" }).Services["web"];
            Assert.Equal("nginx:3", web.Image);
            Assert.Equal("3", web.Environment["TAG"]);
        }

        [Fact]
        public void An_error_in_the_second_file_names_that_file()
        {
            var error = Assert.Throws<ComposeFileException>(() => Merge("services:\n  web:\n    image: nginx\n", "services:\n  web:\n    ports: ['80:x']\n"));
            Assert.Equal(Path.Combine(_folder.Directory, "compose.override.yaml"), error.File);
            Assert.Equal(3, error.Line);
        }
    }
}
