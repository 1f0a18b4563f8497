import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_rate_limit_tier" AS ENUM('standard', 'premium');
  CREATE TYPE "public"."enum_refresh_tokens_revoked_reason" AS ENUM('rotated', 'logout', 'logout_all', 'session_revoked', 'reuse_detected', 'password_reset', 'account_disabled');
  CREATE TYPE "public"."enum_auth_tokens_purpose" AS ENUM('password_reset', 'email_verification');
  CREATE TABLE "profiles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"bio" varchar,
  	"location" varchar,
  	"profile_image_url" varchar,
  	"linkedin_url" varchar,
  	"github_url" varchar,
  	"website" varchar,
  	"company" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "profiles_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "refresh_tokens" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"token_hash" varchar NOT NULL,
  	"family" varchar NOT NULL,
  	"user_id" integer NOT NULL,
  	"parent_id" integer,
  	"user_agent" varchar,
  	"ip" varchar,
  	"last_used_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"family_expires_at" timestamp(3) with time zone NOT NULL,
  	"revoked_at" timestamp(3) with time zone,
  	"revoked_reason" "enum_refresh_tokens_revoked_reason",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "auth_tokens" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"purpose" "enum_auth_tokens_purpose" NOT NULL,
  	"token_hash" varchar NOT NULL,
  	"user_id" integer NOT NULL,
  	"email" varchar,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"used_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;
  ALTER TABLE "users" ADD COLUMN "phone" varchar;
  ALTER TABLE "users" ADD COLUMN "full_name" varchar;
  ALTER TABLE "users" ADD COLUMN "is_active" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "is_verified" boolean DEFAULT false;
  ALTER TABLE "users" ADD COLUMN "personality_data" jsonb;
  ALTER TABLE "users" ADD COLUMN "timezone" varchar DEFAULT 'UTC';
  ALTER TABLE "users" ADD COLUMN "last_login_at" timestamp(3) with time zone;
  ALTER TABLE "users" ADD COLUMN "rate_limit_tier" "enum_users_rate_limit_tier" DEFAULT 'standard';
  ALTER TABLE "users" ADD COLUMN "oauth_google_id" varchar;
  ALTER TABLE "users" ADD COLUMN "oauth_github_id" varchar;
  ALTER TABLE "users" ADD COLUMN "username" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "profiles_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "refresh_tokens_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "auth_tokens_id" integer;
  ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "profiles_texts" ADD CONSTRAINT "profiles_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_parent_id_refresh_tokens_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."refresh_tokens"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "profiles_user_idx" ON "profiles" USING btree ("user_id");
  CREATE INDEX "profiles_updated_at_idx" ON "profiles" USING btree ("updated_at");
  CREATE INDEX "profiles_created_at_idx" ON "profiles" USING btree ("created_at");
  CREATE INDEX "profiles_texts_order_parent" ON "profiles_texts" USING btree ("order","parent_id");
  CREATE UNIQUE INDEX "refresh_tokens_token_hash_idx" ON "refresh_tokens" USING btree ("token_hash");
  CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" USING btree ("family");
  CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens" USING btree ("user_id");
  CREATE INDEX "refresh_tokens_parent_idx" ON "refresh_tokens" USING btree ("parent_id");
  CREATE INDEX "refresh_tokens_updated_at_idx" ON "refresh_tokens" USING btree ("updated_at");
  CREATE INDEX "refresh_tokens_created_at_idx" ON "refresh_tokens" USING btree ("created_at");
  CREATE INDEX "user_revoked_at_idx" ON "refresh_tokens" USING btree ("user_id","revoked_at");
  CREATE INDEX "auth_tokens_purpose_idx" ON "auth_tokens" USING btree ("purpose");
  CREATE UNIQUE INDEX "auth_tokens_token_hash_idx" ON "auth_tokens" USING btree ("token_hash");
  CREATE INDEX "auth_tokens_user_idx" ON "auth_tokens" USING btree ("user_id");
  CREATE INDEX "auth_tokens_updated_at_idx" ON "auth_tokens" USING btree ("updated_at");
  CREATE INDEX "auth_tokens_created_at_idx" ON "auth_tokens" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_profiles_fk" FOREIGN KEY ("profiles_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_refresh_tokens_fk" FOREIGN KEY ("refresh_tokens_id") REFERENCES "public"."refresh_tokens"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_auth_tokens_fk" FOREIGN KEY ("auth_tokens_id") REFERENCES "public"."auth_tokens"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "users_phone_idx" ON "users" USING btree ("phone");
  CREATE INDEX "users_is_active_idx" ON "users" USING btree ("is_active");
  CREATE UNIQUE INDEX "users_oauth_google_id_idx" ON "users" USING btree ("oauth_google_id");
  CREATE UNIQUE INDEX "users_oauth_github_id_idx" ON "users" USING btree ("oauth_github_id");
  CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("username");
  CREATE INDEX "payload_locked_documents_rels_profiles_id_idx" ON "payload_locked_documents_rels" USING btree ("profiles_id");
  CREATE INDEX "payload_locked_documents_rels_refresh_tokens_id_idx" ON "payload_locked_documents_rels" USING btree ("refresh_tokens_id");
  CREATE INDEX "payload_locked_documents_rels_auth_tokens_id_idx" ON "payload_locked_documents_rels" USING btree ("auth_tokens_id");
  ALTER TABLE "users" DROP COLUMN "login_attempts";
  ALTER TABLE "users" DROP COLUMN "lock_until";`)
  // Written by hand: rules Payload's schema cannot express. A user's profile and tokens go with the user,
  // and every account can be reached by email or phone.
  await db.execute(sql`
  ALTER TABLE "profiles" DROP CONSTRAINT "profiles_user_id_users_id_fk";
  ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  ALTER TABLE "refresh_tokens" DROP CONSTRAINT "refresh_tokens_user_id_users_id_fk";
  ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  ALTER TABLE "auth_tokens" DROP CONSTRAINT "auth_tokens_user_id_users_id_fk";
  ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  ALTER TABLE "users" ADD CONSTRAINT "users_email_or_phone" CHECK ("email" IS NOT NULL OR "phone" IS NOT NULL);
  CREATE INDEX "refresh_tokens_active_family_idx" ON "refresh_tokens" ("family") WHERE "revoked_at" IS NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "profiles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "profiles_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "refresh_tokens" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "auth_tokens" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "profiles" CASCADE;
  DROP TABLE "profiles_texts" CASCADE;
  DROP TABLE "refresh_tokens" CASCADE;
  DROP TABLE "auth_tokens" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_profiles_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_refresh_tokens_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_auth_tokens_fk";
  
  DROP INDEX "users_phone_idx";
  DROP INDEX "users_is_active_idx";
  DROP INDEX "users_oauth_google_id_idx";
  DROP INDEX "users_oauth_github_id_idx";
  DROP INDEX "users_username_idx";
  DROP INDEX "payload_locked_documents_rels_profiles_id_idx";
  DROP INDEX "payload_locked_documents_rels_refresh_tokens_id_idx";
  DROP INDEX "payload_locked_documents_rels_auth_tokens_id_idx";
  ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;
  ALTER TABLE "users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "users" DROP COLUMN "phone";
  ALTER TABLE "users" DROP COLUMN "full_name";
  ALTER TABLE "users" DROP COLUMN "is_active";
  ALTER TABLE "users" DROP COLUMN "is_verified";
  ALTER TABLE "users" DROP COLUMN "personality_data";
  ALTER TABLE "users" DROP COLUMN "timezone";
  ALTER TABLE "users" DROP COLUMN "last_login_at";
  ALTER TABLE "users" DROP COLUMN "rate_limit_tier";
  ALTER TABLE "users" DROP COLUMN "oauth_google_id";
  ALTER TABLE "users" DROP COLUMN "oauth_github_id";
  ALTER TABLE "users" DROP COLUMN "username";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "profiles_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "refresh_tokens_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "auth_tokens_id";
  DROP TYPE "public"."enum_users_rate_limit_tier";
  DROP TYPE "public"."enum_refresh_tokens_revoked_reason";
  DROP TYPE "public"."enum_auth_tokens_purpose";`)
}
