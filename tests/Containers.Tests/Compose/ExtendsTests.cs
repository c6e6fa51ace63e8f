using Containers.Compose;
using Xunit;

namespace Containers.Tests.Compose
{
    public sealed class ExtendsTests : IDisposable
    {
        private readonly ComposeFolder _folder = new ComposeFolder();

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void A_service_extends_one_of_the_same_file_and_its_own_settings_win()
        {
            ComposeProject project = _folder.Read(
                "services:\n  base:\n    image: busybox\n    environment: {A: base, B: base}\n    command: [sleep, '1']\n  web:\n    extends: base\n    environment: {B: web}\n  deeper:\n    extends:\n      service: web\n    command: [true]\n");
            ComposeService web = project.Services["web"];
            Assert.Equal("busybox", web.Image);
            Assert.Equal(new Dictionary<string, string?> { ["A"] = "base", ["B"] = "web" }, web.Environment);
            Assert.Equal(new[] { "sleep", "1" }, web.Command);
            Assert.Equal(new[] { "true" }, project.Services["deeper"].Command);
            Assert.Equal("web", project.Services["deeper"].Environment["B"]);
        }

        [Fact]
        public void A_service_extends_one_of_another_file_whose_relative_paths_stay_relative_to_it()
        {
            _folder.Write("../common/base.env", "FROM_BASE=1\n");
            _folder.Write("../common/common.yaml",
                "services:\n  app:\n    image: busybox:${TAG:-1}\n    build: ./ctx\n    env_file: base.env\n    volumes: ['./data:/data']\n");
            ComposeService web = _folder.Read("services:\n  web:\n    extends:\n      file: ../common/common.yaml\n      service: app\n    ports: ['80:80']\n").Services["web"];
            string common = Path.Combine(_folder.Root, "common");
            Assert.Equal("busybox:1", web.Image);
            Assert.Equal(Path.Combine(common, "ctx"), web.Build!.Context);
            Assert.Equal("1", web.Environment["FROM_BASE"]);
            Assert.Equal(Path.Combine(common, "data"), web.Volumes.Single().Source);
            Assert.Single(web.Ports);
        }

        [Fact]
        public void A_cycle_is_refused_with_the_chain_named()
        {
            var error = Assert.Throws<ComposeFileException>(() => _folder.Read(
                "services:\n  a:\n    image: busybox\n    extends: b\n  b:\n    extends: c\n  c:\n    extends: a\n"));
            Assert.Contains("extends makes a cycle: a -> b -> c -> a", error.Reason);
            Assert.Equal(8, error.Line);
            Assert.Equal("services.c.extends", error.Key);
        }

        [Fact]
        public void Extending_an_unknown_service_or_a_missing_file_is_an_error()
        {
            var error = Assert.Throws<ComposeFileException>(() => _folder.Read("services:\n  a:\n    extends: nope\n"));
            Assert.Contains("'nope'", error.Reason);
            error = Assert.Throws<ComposeFileException>(() => _folder.Read("services:\n  a:\n    extends:\n      service: x\n      file: gone.yaml\n"));
            Assert.Contains(Path.Combine(_folder.Directory, "gone.yaml") + "' does not exist", error.Reason);
            Assert.Equal("services.a.extends.file", error.Key);
        }
    }
}
