using Containers.Compose;
using Xunit;

namespace Containers.Tests.Compose
{
    public class InterpolationTests
    {
        private static readonly Dictionary<string, string> Variables = new Dictionary<string, string>
        {
            ["TAG"] = "1.25",
            ["EMPTY"] = string.Empty,
            ["PORT"] = "8080",
        };

        private static string Image(string written, IReadOnlyDictionary<string, string>? variables = null)
        {
            using var folder = new ComposeFolder();
            return folder.Read("services:\n  web:\n    image: '" + written + "'\n", variables ?? Variables).Services["web"].Image!;
        }

        [Theory]
        [InlineData("nginx:${TAG}", "nginx:1.25")]
        [InlineData("nginx:$TAG", "nginx:1.25")]
        [InlineData("nginx:${MISSING:-latest}", "nginx:latest")]
        [InlineData("nginx:${EMPTY:-latest}", "nginx:latest")]
        [InlineData("nginx:${EMPTY-latest}", "nginx:")]
        [InlineData("nginx:${MISSING-latest}", "nginx:latest")]
        [InlineData("nginx:${TAG:+set}", "nginx:set")]
        [InlineData("nginx:${EMPTY:+set}x", "nginx:x")]
        [InlineData("nginx:${EMPTY+set}", "nginx:set")]
        [InlineData("nginx:${MISSING:-${TAG}}", "nginx:1.25")]
        [InlineData("nginx:${MISSING:-${ALSO_MISSING:-deep}}", "nginx:deep")]
        [InlineData("a$$b", "a$b")]
        [InlineData("cost $5", "cost $5")]
        [InlineData("$TAG$TAG", "1.251.25")]
        [InlineData("${TAG?needed}", "1.25")]
        public void Variables_are_substituted_as_compose_does(string written, string expected) => Assert.Equal(expected, Image(written));

        [Fact]
        public void An_unset_variable_without_a_default_is_empty_with_a_warning()
        {
            using var folder = new ComposeFolder();
            ComposeProject project = folder.Read("services:\n  web:\n    image: nginx${NOPE}\n");
            Assert.Equal("nginx", project.Services["web"].Image);
            Assert.Contains("The NOPE variable is not set. Defaulting to a blank string.", project.Warnings);
        }

        [Fact]
        public void The_given_environment_wins_over_dot_env_and_dot_env_fills_the_rest()
        {
            using var folder = new ComposeFolder();
            folder.Write(".env", "# settings\nTAG=from-dotenv\nexport PORT=9090\nQUOTED=\"a b\" \nCOMMENTED=value # a comment\n");
            ComposeProject project = folder.Read(
                "services:\n  web:\n    image: nginx:${TAG}\n    ports: ['${PORT}:80']\n    environment:\n      Q: ${QUOTED}\n      C: ${COMMENTED}\n",
                new Dictionary<string, string> { ["TAG"] = "from-environment" });

            ComposeService web = project.Services["web"];
            Assert.Equal("nginx:from-environment", web.Image);
            Assert.Equal("9090", web.Ports.Single().Published);
            Assert.Equal("a b", web.Environment["Q"]);
            Assert.Equal("value", web.Environment["C"]);
        }

        [Fact]
        public void Keys_are_not_interpolated_but_list_entries_are()
        {
            using var folder = new ComposeFolder();
            ComposeProject project = folder.Read(
                "services:\n  web:\n    image: nginx\n    labels:\n      \"$KEY\": BAR\n  api:\n    image: nginx\n    labels:\n      - \"$KEY=BAR\"\n",
                new Dictionary<string, string> { ["KEY"] = "interpolated" });
            Assert.Equal("BAR", project.Services["web"].Labels["$KEY"]);
            Assert.Equal("BAR", project.Services["api"].Labels["interpolated"]);
        }

        [Theory]
        [InlineData("${NEEDED:?set NEEDED to the registry}", "required variable NEEDED is missing a value: set NEEDED to the registry")]
        [InlineData("${EMPTY:?must not be empty}", "required variable EMPTY is missing a value: must not be empty")]
        [InlineData("${NEEDED?}", "required variable NEEDED is missing a value")]
        public void A_missing_required_variable_is_an_error_with_its_message_file_line_and_key(string written, string reason)
        {
            using var folder = new ComposeFolder();
            var error = Assert.Throws<ComposeFileException>(() => folder.Read("services:\n  web:\n    image: \"" + written + "\"\n", Variables));
            Assert.Equal(reason, error.Reason);
            Assert.Equal(Path.Combine(folder.Directory, "compose.yaml"), error.File);
            Assert.Equal(3, error.Line);
            Assert.Equal("services.web.image", error.Key);
            Assert.Contains("compose.yaml, line 3, column 12, key 'services.web.image': required variable", error.Message);
        }

        [Fact]
        public void An_empty_value_passes_the_unset_only_check()
        {
            Assert.Equal(string.Empty, Image("${EMPTY?unset}"));
        }

        [Theory]
        [InlineData("${", "is never closed")]
        [InlineData("${9X}", "does not start with a variable name")]
        [InlineData("${TAG/x/y}", "the forms are")]
        public void A_malformed_substitution_is_an_error(string written, string reason)
        {
            using var folder = new ComposeFolder();
            var error = Assert.Throws<ComposeFileException>(() => folder.Read("services:\n  web:\n    image: '" + written + "'\n", Variables));
            Assert.Contains(reason, error.Reason);
            Assert.Equal("services.web.image", error.Key);
        }
    }
}
