using Containers.Provisioning.AzureTokens;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.AzureTokens
{
    /// <summary>The tenant read from an Entra token, for the registry exchange: only from a JWT, never validated here.</summary>
    public sealed class EntraTokenClaimsTests
    {
        [Fact]
        public void The_tid_claim_reader_takes_only_JWTs()
        {
            const string Tenant = EntraTokens.Tenant;
            Assert.Equal(Tenant, EntraTokenClaims.ReadTenant(EntraTokens.Jwt(Tenant)));
            Assert.Null(EntraTokenClaims.ReadTenant(EntraTokens.Jwt(null)));
            Assert.Null(EntraTokenClaims.ReadTenant(string.Empty));
            Assert.Null(EntraTokenClaims.ReadTenant("x.bm90IGpzb24.y"));
            Assert.Null(EntraTokenClaims.ReadTenant("x.WyJ0aWQiXQ.y"));
            Assert.Null(EntraTokenClaims.ReadTenant("x.e30.y.z"));
        }
    }
}
