using Containers.Compose;
using Xunit;

namespace Containers.Tests.Compose
{
    public sealed class ProjectNameTests : IDisposable
    {
        private const string Service = "services:\n  web:\n    image: busybox\n";

        private readonly ComposeFolder _folder = new ComposeFolder("My App.v2");

        public void Dispose() => _folder.Dispose();

        private ComposeProject Read(string text, string? given = null, IReadOnlyDictionary<string, string>? environment = null) =>
            ComposeReader.Read(new[] { _folder.Write("compose.yaml", text) }, new ComposeReadOptions
            {
                ProjectName = given,
                Environment = environment ?? new Dictionary<string, string>(),
            });

        [Theory]
        [InlineData("My App.v2", "myappv2")]
        [InlineData("__Shop-Front_1", "shop-front_1")]
        [InlineData("ÄPP", "pp")]
        public void Names_are_normalised_as_compose_does(string written, string expected) =>
            Assert.Equal(expected, ComposeProjectName.Normalize(written));

        [Fact]
        public void The_given_name_wins_then_COMPOSE_PROJECT_NAME_then_the_name_key_then_the_directory()
        {
            Assert.Equal("myappv2", Read(Service).Name);
            Assert.Equal("from-file", Read("name: From-File\n" + Service).Name);
            Assert.Equal("from-environment", Read("name: from-file\n" + Service, environment: new Dictionary<string, string> { ["COMPOSE_PROJECT_NAME"] = "from-environment" }).Name);
            Assert.Equal("given", Read("name: from-file\n" + Service, "Given").Name);
        }

        [Fact]
        public void The_name_key_can_be_interpolated_and_names_the_project_objects()
        {
            ComposeProject project = Read("name: shop-${STAGE}\n" + Service + "volumes:\n  data: {}\n  named:\n    name: exactly-this\n", environment: new Dictionary<string, string> { ["STAGE"] = "test" });
            Assert.Equal("shop-test", project.Name);
            Assert.Equal("shop-test_data", project.Volumes["data"].Name);
            Assert.Equal("exactly-this", project.Volumes["named"].Name);
            Assert.Equal("shop-test_default", project.Networks["default"].Name);
        }

        [Fact]
        public void A_name_with_nothing_left_after_normalising_is_an_error()
        {
            var error = Assert.Throws<ComposeFileException>(() => Read("name: '___'\n" + Service));
            Assert.Contains("has no letters or digits", error.Reason);
            Assert.Equal((1, "name"), (error.Line, error.Key));
        }

        [Fact]
        public void Without_paths_the_working_directory_compose_file_is_read_and_its_dot_env_used()
        {
            _folder.Write("docker-compose.yml", "services:\n  web:\n    image: busybox:${TAG}\n");
            _folder.Write(".env", "TAG=2\n");
            ComposeProject project = ComposeReader.Read(Array.Empty<string>(), new ComposeReadOptions { WorkingDirectory = _folder.Directory, Environment = new Dictionary<string, string>() });
            Assert.Equal("busybox:2", project.Services["web"].Image);
            Assert.Equal(new[] { Path.Combine(_folder.Directory, "docker-compose.yml") }, project.ConfigFiles);
            Assert.Equal(_folder.Directory, project.WorkingDirectory);
        }
    }
}
