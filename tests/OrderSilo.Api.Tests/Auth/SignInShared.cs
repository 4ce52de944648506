namespace OrderSilo.Api.Tests.Auth;

/// <summary>The tests that share <see cref="SignInSystem"/>; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SignInShared : ICollectionFixture<SignInSystem>
{
    public const string Name = "sign-in system";
}
