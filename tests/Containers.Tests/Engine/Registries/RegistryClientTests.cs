using Containers.Engine.Credentials;
using Containers.Engine.Registries;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Registries
{
    /// <summary>
    /// The registry client's tag listing: the token flow and Link pagination against a scripted registry, and basic
    /// authentication against the private registry (docker-registry with htpasswd).
    /// </summary>
    [RequiresEngine]
    public sealed class RegistryClientTests
    {
        [Fact]
        public async Task Pages_linked_by_Link_headers_are_followed_with_a_token_for_the_challenges_scope()
        {
            using var registry = new PagedTagRegistry();
            Assert.Equal(new[] { "a", "b", "c", "d", "e" }, await new RegistryClient().ListTagsAsync(registry.Host, PagedTagRegistry.Repository, null, allowInsecure: true));

            string[] requests = registry.Requests.ToArray();
            string token = Assert.Single(requests, request => request.StartsWith("GET /token", StringComparison.Ordinal));
            Assert.Contains("scope=repository%3Ateam%2Fapp%3Apull", token, StringComparison.Ordinal);
            Assert.EndsWith("[]", token, StringComparison.Ordinal); // anonymous: no Authorization at all
            Assert.Equal(3, requests.Count(request => request.StartsWith("GET /v2/team/app/tags/list", StringComparison.Ordinal) && request.EndsWith("[Bearer]", StringComparison.Ordinal)));
            Assert.Contains("GET /v2/team/app/tags/list?last=d&n=2 [Bearer]", requests);
        }

        [Fact]
        public async Task A_page_size_is_asked_for_and_an_expired_token_is_renewed_mid_listing()
        {
            using var registry = new PagedTagRegistry { PagesPerToken = 1 };
            var client = new RegistryClient { PageSize = 3 };
            var credential = new RegistryCredential(PagedTagRegistry.UserName, PagedTagRegistry.Password);
            Assert.Equal(new[] { "a", "b", "c", "d", "e" }, await client.ListTagsAsync(registry.Host, PagedTagRegistry.Repository, credential, allowInsecure: true));

            string[] requests = registry.Requests.ToArray();
            Assert.Equal(2, requests.Count(request => request.StartsWith("GET /token", StringComparison.Ordinal) && request.EndsWith("[Basic]", StringComparison.Ordinal)));
            Assert.Contains("GET /v2/team/app/tags/list?n=3 [Bearer]", requests);
            Assert.Contains("GET /v2/team/app/tags/list?last=c&n=3 [Bearer]", requests);
        }

        [Fact]
        public async Task Refusals_a_missing_login_and_a_missing_repository_are_typed()
        {
            using var registry = new PagedTagRegistry { AllowAnonymous = false };
            var client = new RegistryClient();
            await Assert.ThrowsAsync<RegistryLoginRequiredException>(() => client.ListTagsAsync(registry.Host, PagedTagRegistry.Repository, null, allowInsecure: true));

            var wrong = new RegistryCredential(PagedTagRegistry.UserName, "not-the-password");
            var rejected = await Assert.ThrowsAsync<RegistryCredentialsRejectedException>(() => client.ListTagsAsync(registry.Host, PagedTagRegistry.Repository, wrong, allowInsecure: true));
            Assert.DoesNotContain("not-the-password", rejected.ToString(), StringComparison.Ordinal);

            var good = new RegistryCredential(PagedTagRegistry.UserName, PagedTagRegistry.Password);
            var missing = await Assert.ThrowsAsync<RegistryRepositoryNotFoundException>(() => client.ListTagsAsync(registry.Host, "team/other", good, allowInsecure: true));
            Assert.Equal("team/other", missing.Repository);
            Assert.Contains("repository name not known to registry", missing.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_link_to_another_server_is_not_followed()
        {
            using var registry = new PagedTagRegistry { FirstLinkOverride = "http://127.0.0.2:1/v2/team/app/tags/list?last=b" };
            var error = await Assert.ThrowsAsync<RegistryException>(() => new RegistryClient().ListTagsAsync(registry.Host, PagedTagRegistry.Repository, null, allowInsecure: true));
            Assert.Contains("another server", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Plain_HTTP_is_used_only_when_allowed()
        {
            using var registry = new PagedTagRegistry();
            var unreachable = await Assert.ThrowsAsync<RegistryUnreachableException>(() => new RegistryClient().ListTagsAsync(registry.Host, PagedTagRegistry.Repository, null, allowInsecure: false));
            Assert.Contains("only when insecure access is allowed", unreachable.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(registry.Requests, request => request.StartsWith("GET /v2/", StringComparison.Ordinal));
        }

        [Fact]
        public async Task The_private_registry_lists_tags_with_basic_authentication()
        {
            PrivateRegistry registry = await PrivateRegistry.GetAsync();
            var client = new RegistryClient();
            await Assert.ThrowsAsync<RegistryLoginRequiredException>(() => client.ListTagsAsync(registry.Host, "never/pushed", null, allowInsecure: true));
            var missing = await Assert.ThrowsAsync<RegistryRepositoryNotFoundException>(
                () => client.ListTagsAsync(registry.Host, "never/pushed", new RegistryCredential(registry.UserName, registry.Password), allowInsecure: true));
            Assert.Equal(registry.Host, missing.Registry);
        }

        [Theory]
        [InlineData("</v2/app/tags/list?last=b&n=2>; rel=\"next\"", "http://r:5000/v2/app/tags/list?last=b&n=2")]
        [InlineData("<http://r:5000/v2/app/tags/list?last=b>;rel=next", "http://r:5000/v2/app/tags/list?last=b")]
        [InlineData("</v2/x>; rel=\"prev\", </v2/app/tags/list?last=c>; rel=\"next\"", "http://r:5000/v2/app/tags/list?last=c")]
        [InlineData("</v2/x>; rel=\"prev\"", null)]
        [InlineData("not a link", null)]
        public void Link_headers_give_the_next_page(string header, string? expected)
        {
            using var answer = new HttpResponseMessage();
            answer.Headers.TryAddWithoutValidation("Link", header);
            Assert.Equal(expected, RegistryLinkHeader.Next(answer, new Uri("http://r:5000/v2/app/tags/list"))?.ToString());
        }
    }
}
