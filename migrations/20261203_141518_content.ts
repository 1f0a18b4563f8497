import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_items_status" AS ENUM('draft', 'published', 'archived');
  CREATE TYPE "public"."enum_media_media_type" AS ENUM('video', 'audio', 'image');
  CREATE TYPE "public"."enum_media_transcode_status" AS ENUM('none', 'queued', 'processing', 'done', 'failed');
  CREATE TYPE "public"."enum_media_transcodes_output_format" AS ENUM('mp4', 'webm', 'mp3');
  CREATE TYPE "public"."enum_media_transcodes_quality" AS ENUM('low', 'medium', 'high');
  CREATE TYPE "public"."enum_media_transcodes_status" AS ENUM('queued', 'processing', 'done', 'failed');
  CREATE TYPE "public"."enum_shares_resource_type" AS ENUM('item', 'media', 'file');
  CREATE TYPE "public"."enum_shares_permission" AS ENUM('view', 'edit');
  CREATE TABLE "items" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"content" jsonb DEFAULT '{}'::jsonb,
  	"body" jsonb,
  	"body_text" varchar,
  	"item_type" varchar DEFAULT 'post' NOT NULL,
  	"status" "enum_items_status" DEFAULT 'draft' NOT NULL,
  	"metadata" jsonb DEFAULT '{}'::jsonb,
  	"user_id" integer NOT NULL,
  	"published_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"original_filename" varchar NOT NULL,
  	"media_type" "enum_media_media_type" NOT NULL,
  	"duration" numeric,
  	"transcoded" boolean DEFAULT false,
  	"transcode_status" "enum_media_transcode_status" DEFAULT 'none' NOT NULL,
  	"transcode_error" varchar,
  	"transcoded_from_id" integer,
  	"prefix" varchar DEFAULT '',
  	"_objectkey" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric
  );
  
  CREATE TABLE "media_transcodes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"media_id" integer NOT NULL,
  	"user_id" integer NOT NULL,
  	"output_format" "enum_media_transcodes_output_format" NOT NULL,
  	"quality" "enum_media_transcodes_quality" NOT NULL,
  	"status" "enum_media_transcodes_status" DEFAULT 'queued' NOT NULL,
  	"attempts" numeric DEFAULT 0 NOT NULL,
  	"locked_until" timestamp(3) with time zone,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"error" varchar,
  	"output_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "files" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"original_filename" varchar NOT NULL,
  	"description" varchar,
  	"tags" jsonb DEFAULT '[]'::jsonb,
  	"prefix" varchar DEFAULT '',
  	"_objectkey" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric
  );
  
  CREATE TABLE "shares" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"token_hash" varchar NOT NULL,
  	"resource_type" "enum_shares_resource_type" NOT NULL,
  	"resource_id" numeric NOT NULL,
  	"permission" "enum_shares_permission" DEFAULT 'view' NOT NULL,
  	"user_id" integer NOT NULL,
  	"shared_with_id" integer,
  	"expires_at" timestamp(3) with time zone,
  	"revoked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "storage_usage" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"used_bytes" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "items_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "media_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "media_transcodes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "files_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "shares_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "storage_usage_id" integer;
  ALTER TABLE "items" ADD CONSTRAINT "items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_transcoded_from_id_media_id_fk" FOREIGN KEY ("transcoded_from_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media_transcodes" ADD CONSTRAINT "media_transcodes_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media_transcodes" ADD CONSTRAINT "media_transcodes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media_transcodes" ADD CONSTRAINT "media_transcodes_output_id_media_id_fk" FOREIGN KEY ("output_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "files" ADD CONSTRAINT "files_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "shares" ADD CONSTRAINT "shares_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "shares" ADD CONSTRAINT "shares_shared_with_id_users_id_fk" FOREIGN KEY ("shared_with_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "storage_usage" ADD CONSTRAINT "storage_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "items_item_type_idx" ON "items" USING btree ("item_type");
  CREATE INDEX "items_status_idx" ON "items" USING btree ("status");
  CREATE INDEX "items_user_idx" ON "items" USING btree ("user_id");
  CREATE INDEX "items_published_at_idx" ON "items" USING btree ("published_at");
  CREATE INDEX "items_updated_at_idx" ON "items" USING btree ("updated_at");
  CREATE INDEX "items_created_at_idx" ON "items" USING btree ("created_at");
  CREATE INDEX "media_user_idx" ON "media" USING btree ("user_id");
  CREATE INDEX "media_media_type_idx" ON "media" USING btree ("media_type");
  CREATE INDEX "media_transcoded_from_idx" ON "media" USING btree ("transcoded_from_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_transcodes_media_idx" ON "media_transcodes" USING btree ("media_id");
  CREATE INDEX "media_transcodes_user_idx" ON "media_transcodes" USING btree ("user_id");
  CREATE INDEX "media_transcodes_status_idx" ON "media_transcodes" USING btree ("status");
  CREATE INDEX "media_transcodes_output_idx" ON "media_transcodes" USING btree ("output_id");
  CREATE INDEX "media_transcodes_updated_at_idx" ON "media_transcodes" USING btree ("updated_at");
  CREATE INDEX "media_transcodes_created_at_idx" ON "media_transcodes" USING btree ("created_at");
  CREATE INDEX "files_user_idx" ON "files" USING btree ("user_id");
  CREATE INDEX "files_updated_at_idx" ON "files" USING btree ("updated_at");
  CREATE INDEX "files_created_at_idx" ON "files" USING btree ("created_at");
  CREATE UNIQUE INDEX "files_filename_idx" ON "files" USING btree ("filename");
  CREATE UNIQUE INDEX "shares_token_hash_idx" ON "shares" USING btree ("token_hash");
  CREATE INDEX "shares_user_idx" ON "shares" USING btree ("user_id");
  CREATE INDEX "shares_shared_with_idx" ON "shares" USING btree ("shared_with_id");
  CREATE INDEX "shares_updated_at_idx" ON "shares" USING btree ("updated_at");
  CREATE INDEX "shares_created_at_idx" ON "shares" USING btree ("created_at");
  CREATE UNIQUE INDEX "storage_usage_user_idx" ON "storage_usage" USING btree ("user_id");
  CREATE INDEX "storage_usage_updated_at_idx" ON "storage_usage" USING btree ("updated_at");
  CREATE INDEX "storage_usage_created_at_idx" ON "storage_usage" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_items_fk" FOREIGN KEY ("items_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_transcodes_fk" FOREIGN KEY ("media_transcodes_id") REFERENCES "public"."media_transcodes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_files_fk" FOREIGN KEY ("files_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_shares_fk" FOREIGN KEY ("shares_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_storage_usage_fk" FOREIGN KEY ("storage_usage_id") REFERENCES "public"."storage_usage"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_items_id_idx" ON "payload_locked_documents_rels" USING btree ("items_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_media_transcodes_id_idx" ON "payload_locked_documents_rels" USING btree ("media_transcodes_id");
  CREATE INDEX "payload_locked_documents_rels_files_id_idx" ON "payload_locked_documents_rels" USING btree ("files_id");
  CREATE INDEX "payload_locked_documents_rels_shares_id_idx" ON "payload_locked_documents_rels" USING btree ("shares_id");
  CREATE INDEX "payload_locked_documents_rels_storage_usage_id_idx" ON "payload_locked_documents_rels" USING btree ("storage_usage_id");`)
  // Written by hand: full-text search kept current by generated columns (so a write is searchable in its
  // own transaction), GIN indexes without a pending list (fastupdate off: each write updates the index, so
  // searches never scan a backlog of recent writes), title-weighted (A) vectors, the quota's CHECK, one pending transcode per
  // media/format/quality, content that goes with its owner, and the media notification types.
  await db.execute(sql`
  ALTER TABLE "items" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce("description", '')), 'B') ||
    setweight(jsonb_to_tsvector('english', coalesce("content", '{}'::jsonb), '["string"]'), 'C') ||
    setweight(to_tsvector('english', coalesce("body_text", '')), 'C')) STORED;
  CREATE INDEX "items_search_vector" ON "items" USING gin ("search_vector") WITH (fastupdate = off);
  CREATE INDEX "items_user_updated" ON "items" ("user_id", "updated_at" DESC, "id" DESC);
  ALTER TABLE "media" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', regexp_replace(coalesce("original_filename", ''), '[._-]+', ' ', 'g')), 'A')) STORED;
  CREATE INDEX "media_search_vector" ON "media" USING gin ("search_vector") WITH (fastupdate = off);
  ALTER TABLE "files" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', regexp_replace(coalesce("original_filename", ''), '[._-]+', ' ', 'g')), 'A') ||
    setweight(to_tsvector('english', coalesce("description", '')), 'B') ||
    setweight(jsonb_to_tsvector('english', coalesce("tags", '[]'::jsonb), '["string"]'), 'B')) STORED;
  CREATE INDEX "files_search_vector" ON "files" USING gin ("search_vector") WITH (fastupdate = off);
  CREATE INDEX "shares_resource" ON "shares" ("resource_type", "resource_id");
  CREATE INDEX "shares_shared_with_type" ON "shares" ("shared_with_id", "resource_type") WHERE "revoked_at" IS NULL;
  ALTER TABLE "storage_usage" ADD CONSTRAINT "storage_usage_non_negative" CHECK ("used_bytes" >= 0);
  CREATE UNIQUE INDEX "media_transcodes_one_pending" ON "media_transcodes" ("media_id", "output_format", "quality")
    WHERE "status" IN ('queued', 'processing');
  CREATE INDEX "media_transcodes_claimable" ON "media_transcodes" ("id") WHERE "status" IN ('queued', 'processing');
  ALTER TABLE "items" DROP CONSTRAINT "items_user_id_users_id_fk";
  ALTER TABLE "items" ADD CONSTRAINT "items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  ALTER TABLE "media" DROP CONSTRAINT "media_user_id_users_id_fk";
  ALTER TABLE "media" ADD CONSTRAINT "media_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  ALTER TABLE "files" DROP CONSTRAINT "files_user_id_users_id_fk";
  ALTER TABLE "files" ADD CONSTRAINT "files_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  ALTER TABLE "shares" DROP CONSTRAINT "shares_user_id_users_id_fk";
  ALTER TABLE "shares" ADD CONSTRAINT "shares_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  ALTER TABLE "storage_usage" DROP CONSTRAINT "storage_usage_user_id_users_id_fk";
  ALTER TABLE "storage_usage" ADD CONSTRAINT "storage_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  ALTER TABLE "media_transcodes" DROP CONSTRAINT "media_transcodes_media_id_media_id_fk";
  ALTER TABLE "media_transcodes" ADD CONSTRAINT "media_transcodes_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade;
  ALTER TABLE "media_transcodes" DROP CONSTRAINT "media_transcodes_user_id_users_id_fk";
  ALTER TABLE "media_transcodes" ADD CONSTRAINT "media_transcodes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;
  INSERT INTO "notification_types" ("code", "name", "description", "is_active", "default_frequency", "updated_at", "created_at") VALUES
    ('media_transcoded', 'Media Transcoded', 'A transcode you asked for is ready', true, 'immediate', now(), now()),
    ('media_transcode_failed', 'Media Transcode Failed', 'A transcode you asked for could not be made', true, 'immediate', now(), now())
  ON CONFLICT ("code") DO NOTHING;
  INSERT INTO "notification_types_default_channels" ("order", "parent_id", "value")
  SELECT c.ord, t.id, c.channel::"enum_notification_types_default_channels"
  FROM "notification_types" t
  CROSS JOIN LATERAL unnest(ARRAY['in_app', 'push']) WITH ORDINALITY AS c(channel, ord)
  WHERE t.code IN ('media_transcoded', 'media_transcode_failed');`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DELETE FROM "notification_types" WHERE "code" IN ('media_transcoded', 'media_transcode_failed');`)
  await db.execute(sql`
   ALTER TABLE "items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media_transcodes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "files" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "shares" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "storage_usage" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "items" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_transcodes" CASCADE;
  DROP TABLE "files" CASCADE;
  DROP TABLE "shares" CASCADE;
  DROP TABLE "storage_usage" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_items_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_media_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_media_transcodes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_files_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_shares_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_storage_usage_fk";
  
  DROP INDEX "payload_locked_documents_rels_items_id_idx";
  DROP INDEX "payload_locked_documents_rels_media_id_idx";
  DROP INDEX "payload_locked_documents_rels_media_transcodes_id_idx";
  DROP INDEX "payload_locked_documents_rels_files_id_idx";
  DROP INDEX "payload_locked_documents_rels_shares_id_idx";
  DROP INDEX "payload_locked_documents_rels_storage_usage_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "items_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "media_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "media_transcodes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "files_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "shares_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "storage_usage_id";
  DROP TYPE "public"."enum_items_status";
  DROP TYPE "public"."enum_media_media_type";
  DROP TYPE "public"."enum_media_transcode_status";
  DROP TYPE "public"."enum_media_transcodes_output_format";
  DROP TYPE "public"."enum_media_transcodes_quality";
  DROP TYPE "public"."enum_media_transcodes_status";
  DROP TYPE "public"."enum_shares_resource_type";
  DROP TYPE "public"."enum_shares_permission";`)
}
