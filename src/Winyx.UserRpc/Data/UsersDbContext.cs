using Microsoft.EntityFrameworkCore;

namespace Winyx.UserRpc.Data;

/// <summary>The user store: one <c>users</c> table with a unique e-mail and a version token.</summary>
public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : DbContext(options)
{
    /// <summary>Registered users.</summary>
    public DbSet<User> Users => Set<User>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var user = modelBuilder.Entity<User>();
        user.ToTable("users");
        user.HasKey(u => u.Id);
        user.Property(u => u.Id).HasColumnName("id");
        user.Property(u => u.Name).HasColumnName("name").HasMaxLength(User.NameMaxLength).IsRequired();
        user.Property(u => u.Email).HasColumnName("email").HasMaxLength(User.EmailMaxLength).IsRequired();
        user.Property(u => u.PasswordHash).HasColumnName("password_hash").HasMaxLength(255).IsRequired();
        user.Property(u => u.CreatedAt).HasColumnName("created_at");
        user.Property(u => u.UpdatedAt).HasColumnName("updated_at");
        user.Property(u => u.Version).HasColumnName("version").IsConcurrencyToken();
        user.HasIndex(u => u.Email).IsUnique().HasDatabaseName(UserSchema.EmailIndexName);
    }
}
