import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_chat_rooms_kind" AS ENUM('private', 'group', 'session');
  CREATE TYPE "public"."enum_chat_messages_message_type" AS ENUM('text', 'image', 'file', 'system');
  CREATE TYPE "public"."enum_chat_moderation_log_action" AS ENUM('hide', 'unhide');
  CREATE TABLE "chat_rooms" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"kind" "enum_chat_rooms_kind" DEFAULT 'private' NOT NULL,
  	"created_by_id" integer,
  	"session_id" numeric,
  	"last_seq" numeric DEFAULT 0 NOT NULL,
  	"delivered_seq" numeric DEFAULT 0 NOT NULL,
  	"last_message_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "chat_rooms_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "chat_messages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"room_id" integer NOT NULL,
  	"seq" numeric NOT NULL,
  	"sender_id" integer NOT NULL,
  	"receiver_id" integer,
  	"text" varchar NOT NULL,
  	"message_type" "enum_chat_messages_message_type" DEFAULT 'text' NOT NULL,
  	"metadata" jsonb,
  	"edited_at" timestamp(3) with time zone,
  	"hidden" boolean DEFAULT false,
  	"moderation_reason" varchar,
  	"deleted_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "chat_read_state" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"room_id" integer NOT NULL,
  	"user_id" integer NOT NULL,
  	"last_read_seq" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "chat_moderation_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_chat_moderation_log_action" NOT NULL,
  	"message_id" integer NOT NULL,
  	"room_id" integer NOT NULL,
  	"moderator_id" integer,
  	"reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "chat_rooms_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "chat_messages_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "chat_read_state_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "chat_moderation_log_id" integer;
  ALTER TABLE "chat_rooms" ADD CONSTRAINT "chat_rooms_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_rooms_rels" ADD CONSTRAINT "chat_rooms_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."chat_rooms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "chat_rooms_rels" ADD CONSTRAINT "chat_rooms_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_room_id_chat_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."chat_rooms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_receiver_id_users_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_read_state" ADD CONSTRAINT "chat_read_state_room_id_chat_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."chat_rooms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_read_state" ADD CONSTRAINT "chat_read_state_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_moderation_log" ADD CONSTRAINT "chat_moderation_log_message_id_chat_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."chat_messages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_moderation_log" ADD CONSTRAINT "chat_moderation_log_room_id_chat_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."chat_rooms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chat_moderation_log" ADD CONSTRAINT "chat_moderation_log_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "chat_rooms_name_idx" ON "chat_rooms" USING btree ("name");
  CREATE INDEX "chat_rooms_kind_idx" ON "chat_rooms" USING btree ("kind");
  CREATE INDEX "chat_rooms_created_by_idx" ON "chat_rooms" USING btree ("created_by_id");
  CREATE UNIQUE INDEX "chat_rooms_session_id_idx" ON "chat_rooms" USING btree ("session_id");
  CREATE INDEX "chat_rooms_last_message_at_idx" ON "chat_rooms" USING btree ("last_message_at");
  CREATE INDEX "chat_rooms_updated_at_idx" ON "chat_rooms" USING btree ("updated_at");
  CREATE INDEX "chat_rooms_created_at_idx" ON "chat_rooms" USING btree ("created_at");
  CREATE INDEX "chat_rooms_rels_order_idx" ON "chat_rooms_rels" USING btree ("order");
  CREATE INDEX "chat_rooms_rels_parent_idx" ON "chat_rooms_rels" USING btree ("parent_id");
  CREATE INDEX "chat_rooms_rels_path_idx" ON "chat_rooms_rels" USING btree ("path");
  CREATE INDEX "chat_rooms_rels_users_id_idx" ON "chat_rooms_rels" USING btree ("users_id");
  CREATE INDEX "chat_messages_room_idx" ON "chat_messages" USING btree ("room_id");
  CREATE INDEX "chat_messages_sender_idx" ON "chat_messages" USING btree ("sender_id");
  CREATE INDEX "chat_messages_receiver_idx" ON "chat_messages" USING btree ("receiver_id");
  CREATE INDEX "chat_messages_updated_at_idx" ON "chat_messages" USING btree ("updated_at");
  CREATE INDEX "chat_messages_created_at_idx" ON "chat_messages" USING btree ("created_at");
  CREATE UNIQUE INDEX "room_seq_idx" ON "chat_messages" USING btree ("room_id","seq");
  CREATE INDEX "chat_read_state_room_idx" ON "chat_read_state" USING btree ("room_id");
  CREATE INDEX "chat_read_state_user_idx" ON "chat_read_state" USING btree ("user_id");
  CREATE INDEX "chat_read_state_updated_at_idx" ON "chat_read_state" USING btree ("updated_at");
  CREATE INDEX "chat_read_state_created_at_idx" ON "chat_read_state" USING btree ("created_at");
  CREATE UNIQUE INDEX "room_user_idx" ON "chat_read_state" USING btree ("room_id","user_id");
  CREATE INDEX "chat_moderation_log_message_idx" ON "chat_moderation_log" USING btree ("message_id");
  CREATE INDEX "chat_moderation_log_room_idx" ON "chat_moderation_log" USING btree ("room_id");
  CREATE INDEX "chat_moderation_log_moderator_idx" ON "chat_moderation_log" USING btree ("moderator_id");
  CREATE INDEX "chat_moderation_log_updated_at_idx" ON "chat_moderation_log" USING btree ("updated_at");
  CREATE INDEX "chat_moderation_log_created_at_idx" ON "chat_moderation_log" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_chat_rooms_fk" FOREIGN KEY ("chat_rooms_id") REFERENCES "public"."chat_rooms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_chat_messages_fk" FOREIGN KEY ("chat_messages_id") REFERENCES "public"."chat_messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_chat_read_state_fk" FOREIGN KEY ("chat_read_state_id") REFERENCES "public"."chat_read_state"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_chat_moderation_log_fk" FOREIGN KEY ("chat_moderation_log_id") REFERENCES "public"."chat_moderation_log"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_chat_rooms_id_idx" ON "payload_locked_documents_rels" USING btree ("chat_rooms_id");
  CREATE INDEX "payload_locked_documents_rels_chat_messages_id_idx" ON "payload_locked_documents_rels" USING btree ("chat_messages_id");
  CREATE INDEX "payload_locked_documents_rels_chat_read_state_id_idx" ON "payload_locked_documents_rels" USING btree ("chat_read_state_id");
  CREATE INDEX "payload_locked_documents_rels_chat_moderation_log_id_idx" ON "payload_locked_documents_rels" USING btree ("chat_moderation_log_id");`)

  // Hand-written: what the chat's rules rest on, whatever code writes the rows.
  await db.execute(sql`
  ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_text_length" CHECK (char_length("text") BETWEEN 1 AND 5000);
  ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_seq_positive" CHECK ("seq" >= 1);
  ALTER TABLE "chat_rooms" ADD CONSTRAINT "chat_rooms_seq_order" CHECK ("last_seq" >= 0 AND "delivered_seq" BETWEEN 0 AND "last_seq");
  ALTER TABLE "chat_rooms" ADD CONSTRAINT "chat_rooms_session_kind" CHECK (("kind" = 'session') = ("session_id" IS NOT NULL));
  ALTER TABLE "chat_read_state" ADD CONSTRAINT "chat_read_state_seq" CHECK ("last_read_seq" >= 0);
  CREATE UNIQUE INDEX "chat_rooms_rels_participant_idx" ON "chat_rooms_rels" ("parent_id", "path", "users_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "chat_rooms" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "chat_rooms_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "chat_messages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "chat_read_state" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "chat_moderation_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "chat_rooms" CASCADE;
  DROP TABLE "chat_rooms_rels" CASCADE;
  DROP TABLE "chat_messages" CASCADE;
  DROP TABLE "chat_read_state" CASCADE;
  DROP TABLE "chat_moderation_log" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_chat_rooms_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_chat_messages_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_chat_read_state_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_chat_moderation_log_fk";
  
  DROP INDEX "payload_locked_documents_rels_chat_rooms_id_idx";
  DROP INDEX "payload_locked_documents_rels_chat_messages_id_idx";
  DROP INDEX "payload_locked_documents_rels_chat_read_state_id_idx";
  DROP INDEX "payload_locked_documents_rels_chat_moderation_log_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "chat_rooms_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "chat_messages_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "chat_read_state_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "chat_moderation_log_id";
  DROP TYPE "public"."enum_chat_rooms_kind";
  DROP TYPE "public"."enum_chat_messages_message_type";
  DROP TYPE "public"."enum_chat_moderation_log_action";`)
}
