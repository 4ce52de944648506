namespace OrderSilo.Grains.Infrastructure;

/// <summary>
/// Grain storage provider names, one per grain family, so each family can move to its own database
/// without touching the grains.
/// </summary>
public static class StorageNames
{
    public const string Orders = "orders";
    public const string Accounts = "accounts";
    public const string Catalog = "catalog";
    public const string Promotions = "promotions";
    public const string Webhooks = "webhooks";

    public static readonly IReadOnlyList<string> All = [Orders, Accounts, Catalog, Promotions, Webhooks];
}
