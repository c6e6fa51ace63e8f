using System.Net;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Errors
{
    /// <summary>Each error the engine gives for containers and execs arrives as the typed exception it means.</summary>
    public class ErrorMappingTests : EngineTest
    {
        private const string MissingImage = "localhost/containers-test/missing:1";

        [Fact]
        public async Task Inspecting_a_missing_container_is_not_found_about_a_container()
        {
            string name = PrivateEngine.UniqueName("missing");

            var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.InspectAsync(name));

            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
            Assert.Equal(EngineResourceKind.Container, error.ResourceKind);
            Assert.Equal(name, error.ResourceId);
            Assert.Contains("No such container", error.Message, StringComparison.Ordinal);
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Removing_a_missing_container_is_not_found_about_a_container()
        {
            var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.RemoveAsync(PrivateEngine.UniqueName("missing"), force: true));

            Assert.Equal(EngineResourceKind.Container, error.ResourceKind);
        }

        [Fact]
        public async Task Inspecting_a_missing_exec_is_not_found_about_an_exec()
        {
            var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Exec.InspectAsync("0123456789abcdef"));

            Assert.Equal(EngineResourceKind.Exec, error.ResourceKind);
        }

        [Fact]
        public async Task Creating_from_a_missing_image_is_not_found_about_the_image()
        {
            var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.CreateAsync(
                PrivateEngine.UniqueName("noimage"),
                new ContainerCreateRequest { Image = MissingImage, Cmd = new List<string> { "true" } }));

            Assert.Equal(EngineResourceKind.Image, error.ResourceKind);
            Assert.Equal(MissingImage, error.ResourceId);
            Assert.Contains("No such image", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Creating_a_second_container_with_the_same_name_is_a_conflict()
        {
            (_, string name) = await CreateAsync(new[] { "true" });

            var error = await Assert.ThrowsAsync<EngineConflictException>(() => CreateAsync(new[] { "true" }, name));

            Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
            Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Pausing_twice_is_a_conflict()
        {
            (string id, _) = await StartAsync(Sleeper);
            await Client.Containers.PauseAsync(id);
            try
            {
                var error = await Assert.ThrowsAsync<EngineConflictException>(() => Client.Containers.PauseAsync(id));
                Assert.Contains("paused", error.Message, StringComparison.Ordinal);
            }
            finally
            {
                await Client.Containers.UnpauseAsync(id);
            }
        }

        [Fact]
        public async Task A_network_type_filter_the_engine_refuses_is_a_bad_request_as_other_bad_filters_are()
        {
            // dockerd 20.10 answers this one with a 500; a bad filter name is a 400.
            var badValue = await Assert.ThrowsAsync<EngineBadRequestException>(() => Client.Networks.ListAsync(new Containers.Engine.Endpoints.Filters().Add("type", "nonsense")));
            Assert.Contains("'nonsense'", badValue.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<EngineBadRequestException>(() => Client.Networks.ListAsync(new Containers.Engine.Endpoints.Filters().Add("colour", "red")));
        }

        [Fact]
        public async Task Unpausing_a_container_that_is_not_paused_is_a_conflict_too()
        {
            // dockerd 20.10 answers this one with a 500, where pausing twice is a 409.
            (string id, _) = await StartAsync(Sleeper);

            var error = await Assert.ThrowsAsync<EngineConflictException>(() => Client.Containers.UnpauseAsync(id));

            Assert.EndsWith(" is not paused", error.Message, StringComparison.Ordinal);
            Assert.Equal(("ContainerConflict", Containers.Output.ErrorKind.InvalidOperation), (Containers.Errors.ErrorClassifier.Classify(error, id).ErrorId, Containers.Errors.ErrorClassifier.Classify(error, id).Kind));
        }

        [Fact]
        public async Task Removing_a_running_container_without_force_is_a_conflict_and_force_removes_it()
        {
            (string id, _) = await StartAsync(Sleeper);

            var error = await Assert.ThrowsAsync<EngineConflictException>(() => Client.Containers.RemoveAsync(id));
            Assert.Contains("running", error.Message, StringComparison.Ordinal);
            Assert.True((await Client.Containers.InspectAsync(id)).State!.Running);

            await Client.Containers.RemoveAsync(id, force: true);
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.InspectAsync(id));
        }

        [Fact]
        public async Task Starting_a_running_container_and_stopping_a_stopped_one_answer_false_not_an_error()
        {
            (string id, _) = await CreateAsync(Sleeper);

            Assert.True(await Client.Containers.StartAsync(id));
            Assert.False(await Client.Containers.StartAsync(id));
            Assert.True(await Client.Containers.StopAsync(id, timeoutSeconds: 0));
            Assert.False(await Client.Containers.StopAsync(id, timeoutSeconds: 0));
            Assert.False((await Client.Containers.InspectAsync(id)).State!.Running);
        }

        [Fact]
        public async Task An_unknown_restart_policy_is_a_bad_request()
        {
            var error = await Assert.ThrowsAsync<EngineBadRequestException>(() => Client.Containers.CreateAsync(
                PrivateEngine.UniqueName("badpolicy"),
                new ContainerCreateRequest
                {
                    Image = Image,
                    Cmd = new List<string> { "true" },
                    HostConfig = new HostConfig { RestartPolicy = new RestartPolicy { Name = "sometimes" } },
                }));

            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Contains("sometimes", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_memory_limit_below_the_engines_minimum_is_a_bad_request()
        {
            var error = await Assert.ThrowsAsync<EngineBadRequestException>(() => Client.Containers.CreateAsync(
                PrivateEngine.UniqueName("badmemory"),
                new ContainerCreateRequest
                {
                    Image = Image,
                    Cmd = new List<string> { "true" },
                    HostConfig = new HostConfig { Memory = 1024 },
                }));

            Assert.Contains("memory", error.Message, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public async Task Names_with_the_leading_slash_the_engine_shows_work_everywhere()
        {
            (string id, string name) = await CreateAsync(Sleeper);
            string slashed = "/" + name;

            Assert.True(await Client.Containers.StartAsync(slashed));
            var inspect = await Client.Containers.InspectAsync(slashed);
            Assert.Equal(id, inspect.Id);
            Assert.Equal(slashed, inspect.Name);
            Assert.True(await Client.Containers.StopAsync(slashed, timeoutSeconds: 0));
            await Client.Containers.RemoveAsync(slashed);
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.InspectAsync(id));
        }

        [Fact]
        public async Task Every_engine_error_is_an_engine_exception_with_the_engines_own_message()
        {
            var error = await Assert.ThrowsAnyAsync<EngineException>(() => Client.Containers.InspectAsync("no-such-" + Guid.NewGuid().ToString("N")));

            // The message is the engine's, not the JSON it came in.
            Assert.StartsWith("No such container", error.Message, StringComparison.Ordinal);
        }
    }
}
