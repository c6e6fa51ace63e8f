using Containers.Compose;
using Xunit;

namespace Containers.Tests.Compose
{
    public sealed class ProfileTests : IDisposable
    {
        private const string File = "services:\n  web:\n    image: busybox\n  debug:\n    image: busybox\n    profiles: [debug]\n    depends_on: [helper]\n  helper:\n    image: busybox\n    profiles: [tools]\n";

        private readonly ComposeFolder _folder = new ComposeFolder();

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void Services_with_profiles_are_left_out_until_a_profile_enables_them()
        {
            ComposeProject project = _folder.Read(File);
            Assert.Equal(new[] { "web" }, project.Services.Keys);
            Assert.Equal(new[] { "debug", "helper" }, project.DisabledServices);
            Assert.Equal(new[] { "web", "helper" }, _folder.Read(File, profiles: new[] { "tools" }).Services.Keys);
            Assert.Equal(new[] { "web", "debug", "helper" }, _folder.Read(File, profiles: new[] { "*" }).Services.Keys);
        }

        [Fact]
        public void COMPOSE_PROFILES_in_the_environment_activates_profiles_when_none_are_given()
        {
            ComposeProject project = _folder.Read(File, new Dictionary<string, string> { ["COMPOSE_PROFILES"] = "debug, tools" });
            Assert.Equal(3, project.Services.Count);
        }

        [Fact]
        public void A_service_asked_for_by_name_pulls_in_what_it_depends_on()
        {
            string file = _folder.Write("compose.yaml", File);
            ComposeProject project = _folder.ReadFiles(new[] { file }, services: new[] { "debug" });
            Assert.Equal(new[] { "web", "debug", "helper" }, project.Services.Keys);
        }

        [Fact]
        public void An_enabled_service_depending_on_a_disabled_one_is_an_error_naming_the_profile()
        {
            var error = Assert.Throws<ComposeFileException>(() => _folder.Read(File, profiles: new[] { "debug" }));
            Assert.Contains("'debug' depends on 'helper', which only the profile(s) tools enable", error.Reason);
            Assert.Equal(7, error.Line);
        }
    }
}
