using Containers.Compose;
using Containers.Errors;
using Containers.Output;
using Xunit;

namespace Containers.Tests.Compose
{
    /// <summary>Every error names the file, the line and column, and the key, and the reader returns nothing.</summary>
    public sealed class ComposeErrorTests : IDisposable
    {
        private readonly ComposeFolder _folder = new ComposeFolder();

        public void Dispose() => _folder.Dispose();

        private ComposeFileException Error(string text) => Assert.Throws<ComposeFileException>(() => _folder.Read(text));

        [Fact]
        public void A_yaml_syntax_error_names_the_line_and_column()
        {
            ComposeFileException error = Error("services:\n  web:\n    image: busybox\n   ports: [\n");
            Assert.StartsWith("YAML syntax error: ", error.Reason);
            Assert.Equal(Path.Combine(_folder.Directory, "compose.yaml"), error.File);
            Assert.Equal(4, error.Line);
            Assert.True(error.Column > 0);
            Assert.StartsWith(error.File + ", line 4, column ", error.Message);
        }

        [Fact]
        public void A_duplicate_key_is_a_syntax_error()
        {
            ComposeFileException error = Error("services:\n  web:\n    image: a\n    image: b\n");
            Assert.StartsWith("YAML syntax error: ", error.Reason);
            Assert.Equal(4, error.Line);
        }

        [Fact]
        public void An_unknown_top_level_key_lists_the_valid_ones()
        {
            ComposeFileException error = Error("services:\n  web:\n    image: busybox\nservice:\n  x: 1\n");
            Assert.Equal("'service' is not a top-level key; the valid ones are configs, name, networks, secrets, services, version, volumes, and x- extensions", error.Reason);
            Assert.Equal((4, 1, "service"), (error.Line, error.Column, error.Key));
        }

        [Fact]
        public void An_unknown_service_key_lists_the_valid_ones_and_extensions_pass()
        {
            ComposeFileException error = Error("services:\n  web:\n    image: busybox\n    x-note: fine\n    imgae: typo\n");
            Assert.StartsWith("'imgae' is not a service key; the valid ones are annotations, attach, blkio_config, build,", error.Reason);
            Assert.Contains(" image, ", error.Reason);
            Assert.Equal((5, 5, "services.web.imgae"), (error.Line, error.Column, error.Key));
        }

        [Theory]
        [InlineData("    ports: 8080\n", "services.web.ports", "must be a list, not a single value")]
        [InlineData("    deploy:\n      replicas: many\n", "services.web.deploy.replicas", "must be a whole number, not 'many'")]
        [InlineData("    tty: maybe\n", "services.web.tty", "must be true or false, not 'maybe'")]
        [InlineData("    environment: 3\n", "services.web.environment", "must be a mapping or a list of KEY=VALUE entries")]
        [InlineData("    hostname: [a, b]\n", "services.web.hostname", "must be a single value, not a list")]
        [InlineData("    restart: sometimes\n", "services.web.restart", "'sometimes' is not a restart policy")]
        [InlineData("    deploy:\n      resources:\n        limits:\n          memory: lots\n", "services.web.deploy.resources.limits.memory", "lots")]
        [InlineData("    volumes: ['data']\n", "services.web.volumes[0]", "names a volume but no path inside the container")]
        [InlineData("    depends_on:\n      db:\n        condtion: service_healthy\n", "services.web.depends_on.db.condtion", "'condtion' is not a depends_on key; the valid ones are condition, required, restart")]
        [InlineData("    healthcheck:\n      intervall: 5s\n", "services.web.healthcheck.intervall", "'intervall' is not a healthcheck key")]
        [InlineData("    deploy:\n      replica: 2\n", "services.web.deploy.replica", "'replica' is not a deploy key")]
        public void A_value_of_the_wrong_type_is_an_error_at_its_key(string body, string key, string reason)
        {
            ComposeFileException error = Error("services:\n  web:\n    image: busybox\n" + body);
            Assert.True(key == error.Key, error.Message);
            Assert.Contains(reason, error.Reason);
            Assert.True(error.Line >= 4);
        }

        [Fact]
        public void A_service_name_with_other_characters_is_an_error()
        {
            ComposeFileException error = Error("services:\n  'web app':\n    image: busybox\n");
            Assert.Contains("'web app' is not a service name", error.Reason);
            Assert.Equal((2, 3), (error.Line, error.Column));
        }

        [Fact]
        public void A_service_with_neither_image_nor_build_is_an_error()
        {
            ComposeFileException error = Error("services:\n  web:\n    command: [true]\n");
            Assert.Equal("the service 'web' has neither 'image' nor 'build'; give it one of them", error.Reason);
            Assert.Equal((2, "services.web"), (error.Line, error.Key));
        }

        [Fact]
        public void Names_a_service_uses_must_be_declared()
        {
            ComposeFileException error = Error("services:\n  web:\n    image: busybox\n    depends_on: [db, cache]\n  db:\n    image: busybox\n");
            Assert.Contains("'web' depends on 'cache', which the files do not declare; the services are web, db", error.Reason);
            Assert.Equal(4, error.Line);
            error = Error("services:\n  web:\n    image: busybox\n    networks: [front]\n");
            Assert.Contains("uses the network 'front', which the top-level networks do not declare", error.Reason);
            error = Error("services:\n  web:\n    image: busybox\n    volumes: ['data:/data']\n");
            Assert.Contains("mounts the volume 'data', which the top-level volumes do not declare", error.Reason);
            Assert.Equal((4, "services.web.volumes[0]"), (error.Line, error.Key));
            error = Error("services:\n  web:\n    image: busybox\n    secrets: [token]\n");
            Assert.Contains("uses the secret 'token', which the top-level secrets do not declare", error.Reason);
        }

        [Fact]
        public void A_missing_or_empty_file_is_an_error_naming_it()
        {
            string missing = Path.Combine(_folder.Directory, "nope.yaml");
            var error = Assert.Throws<ComposeFileException>(() => _folder.ReadFiles(new[] { missing }));
            Assert.Equal(missing, error.File);
            Assert.Contains("does not exist", error.Message);
            error = Error("# nothing here\n");
            Assert.Equal("the file is empty", error.Reason);
            error = Error("- a\n- b\n");
            Assert.Contains("not a list", error.Reason);
        }

        [Fact]
        public void The_classifier_gives_a_stable_id_and_InvalidData_with_the_file_as_target()
        {
            ComposeFileException error = Error("services:\n  web:\n    imgae: x\n");
            CommandError classified = ErrorClassifier.Classify(error, "ignored");
            Assert.Equal("ComposeFileInvalid", classified.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, classified.Kind);
            Assert.Equal(error.File, classified.Target);
            Assert.Contains("line 3", classified.Message);
            Assert.True(ErrorClassifier.IsPerTarget(error));
        }
    }
}
